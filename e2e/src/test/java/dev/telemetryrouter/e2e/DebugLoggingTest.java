package dev.telemetryrouter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.locallambda.FunctionSource;
import dev.telemetryrouter.locallambda.LocalLambda;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * TELEMETRY_ROUTER_LOG_LEVEL=DEBUG must not feed itself: every line the extension writes comes back
 * through the {@code extension} stream, so a line written per delivery would cause the next
 * delivery, for as long as the sandbox is not frozen.
 */
class DebugLoggingTest {

  private static final int INVOCATIONS = 3;

  private static final Pattern OWN_ONLY = Pattern.compile("own_only_deliveries=(\\d+)");

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void debugLevel_writesNoJdkDebugLines_andOwnLinesDoNotCauseMoreDeliveries(@TempDir Path root) {
    Harness harness = new Harness(root);
    String log;

    try (LocalLambda lambda =
        harness
            .emulator(harness.routing("", ""))
            .env("TELEMETRY_ROUTER_LOG_LEVEL", "DEBUG")
            .function(FunctionSource.command("echo handled"))
            .start()) {
      assertThat(lambda.initSucceeded()).as(harness.extensionLog(lambda)).isTrue();
      for (int i = 0; i < INVOCATIONS; i++) {
        lambda.invoke();
      }
      lambda.shutdown("spindown");
      log = harness.extensionLog(lambda);
    }

    assertThat(log).contains("DEBUG SinkFlow");
    assertThat(log).doesNotContain("DEBUG httpserver", "X509Certificate", "Runtime.exit");
    Matcher ownOnly = OWN_ONLY.matcher(log);
    assertThat(ownOnly.find()).as(log).isTrue();
    // Each invocation's own DEBUG lines may come back in a delivery of their own, and the shutdown
    // adds one; a feedback loop makes one every few tens of milliseconds instead.
    assertThat(Long.parseLong(ownOnly.group(1))).as(log).isLessThanOrEqualTo(INVOCATIONS + 2);
  }
}
