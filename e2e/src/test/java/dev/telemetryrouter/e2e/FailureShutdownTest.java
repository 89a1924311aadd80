package dev.telemetryrouter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.locallambda.FunctionSource;
import dev.telemetryrouter.locallambda.LocalLambda;
import dev.telemetryrouter.locallambda.RunReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #3, end-to-end 3: a function that times out and one whose process crashes. Lambda resets
 * the environment with SHUTDOWN (timeout or failure); what the extension received is flushed.
 */
class FailureShutdownTest {

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void timeout_shutdownTimeout_flushesWhatArrived(@TempDir Path root) {
    RunResult result = run(root, "echo 'before the timeout'; sleep 5");

    assertThat(result.invocation().status()).isEqualTo("timeout");
    assertThat(result.report().shutdownReason()).isEqualTo("timeout");
    assertThat(result.lines()).containsExactly("before the timeout");
    assertExitedCleanly(result.report());
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void crash_shutdownFailure_flushesWhatArrived(@TempDir Path root) {
    RunResult result = run(root, "echo 'before the crash'; echo 'stack line' >&2; exit 3");

    assertThat(result.invocation().status()).isNotEqualTo("success");
    assertThat(result.report().shutdownReason()).isEqualTo("failure");
    assertThat(result.lines()).containsExactlyInAnyOrder("before the crash", "stack line");
    assertExitedCleanly(result.report());
  }

  private record RunResult(
      RunReport.InvocationReport invocation, RunReport report, List<String> lines) {}

  private static RunResult run(Path root, String function) {
    Harness harness = new Harness(root);
    RunReport.InvocationReport invocation;
    RunReport report;

    try (LocalLambda lambda =
        harness
            .emulator(harness.routing("", ""))
            .functionTimeout(Duration.ofSeconds(1))
            .function(FunctionSource.command(function))
            .start()) {
      assertThat(lambda.initSucceeded()).as(harness.extensionLog(lambda)).isTrue();
      invocation = lambda.invoke();
      report = lambda.shutdown();
    }

    List<Map<String, @Nullable Object>> routed = harness.routed();
    List<String> lines =
        routed.stream()
            .filter(r -> "function".equals(r.get("type")))
            .filter(r -> invocation.requestId().equals(r.get("requestId")))
            .map(r -> (String) r.get("record"))
            .toList();
    return new RunResult(invocation, report, lines);
  }

  private static void assertExitedCleanly(RunReport report) {
    RunReport.ExtensionReport extension = report.extensions().getFirst();
    assertThat(extension.exitCode()).isZero();
    assertThat(extension.exitedBeforeDeadline()).isTrue();
    assertThat(extension.killedAtDeadline()).isFalse();
  }
}
