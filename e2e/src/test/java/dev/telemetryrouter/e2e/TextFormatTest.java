package dev.telemetryrouter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.locallambda.FunctionSource;
import dev.telemetryrouter.locallambda.LocalLambda;
import dev.telemetryrouter.locallambda.RunReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue #3, end-to-end 1: a text-format function, 20 invocations, then SHUTDOWN (spindown). */
class TextFormatTest {

  private static final int INVOCATIONS = 20;
  private static final int BIG_LINE = 300_000;

  /**
   * Per invocation N (counted in a file in the work folder): plain lines, a JSON line, a three-line
   * stack trace, a 300 KB line, all on stdout, and one line on stderr.
   */
  private static final String FUNCTION =
      """
      n=$(( $(cat count 2>/dev/null || echo 0) + 1 )); echo $n > count
      echo "inv-$n plain one"
      echo "{\\"inv\\":$n,\\"event\\":\\"json line\\"}"
      printf 'java.lang.IllegalStateException: inv-%s boom\\n' $n
      printf '\\tat com.example.Handler.handle(Handler.java:12)\\n'
      printf '\\tat com.example.Main.main(Main.java:3)\\n'
      printf 'inv-%s big ' $n; head -c 300000 /dev/zero | tr '\\0' 'x'; echo
      echo "inv-$n on stderr" >&2
      echo "inv-$n last"
      """;

  /**
   * A line over {@code maxBytes} (256 KiB by default) fills a batch by itself, so the platform
   * sends it at once; with one delivery in flight per subscriber, a batch filled while another is
   * in flight is dropped (as in AWS's reference emulator,
   * aws/aws-lambda-runtime-interface-emulator,
   * internal/lambda-managed-instances/aws-lambda-rie/internal/telemetry/internal/subscriber.go).
   * Functions that log lines this large raise the subscription's maxBytes (up to 1 MiB), as this
   * one does.
   */
  private static final String BUFFERING = "  buffering:\n    max_bytes: 1MiB\n";

  private static List<String> expectedStdout(int n) {
    return List.of(
        "inv-" + n + " plain one",
        "{\"inv\":" + n + ",\"event\":\"json line\"}",
        "java.lang.IllegalStateException: inv-" + n + " boom",
        "\tat com.example.Handler.handle(Handler.java:12)",
        "\tat com.example.Main.main(Main.java:3)",
        "inv-" + n + " big " + "x".repeat(BIG_LINE),
        "inv-" + n + " last");
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void twentyInvocations_everyLineOnceInOrderWithItsRequestId(@TempDir Path root) {
    Harness harness = new Harness(root);
    List<String> requestIds = new ArrayList<>();
    RunReport report;

    try (LocalLambda lambda =
        harness
            .emulator(harness.routing(BUFFERING, ""))
            .function(FunctionSource.command(FUNCTION))
            .start()) {
      assertThat(lambda.initSucceeded()).as(harness.extensionLog(lambda)).isTrue();
      for (int i = 0; i < INVOCATIONS; i++) {
        requestIds.add(lambda.invoke().requestId());
      }
      report = lambda.shutdown("spindown");
    }

    List<Map<String, @Nullable Object>> routed = harness.routed();
    assertThat(routed).extracting(r -> r.get("id")).doesNotHaveDuplicates();
    for (int i = 0; i < INVOCATIONS; i++) {
      String requestId = requestIds.get(i);
      List<String> lines = functionLines(routed, requestId);
      List<String> stdout = lines.stream().filter(l -> !l.endsWith("on stderr")).toList();
      assertThat(stdout)
          .as("invocation %d", i + 1)
          .containsExactlyElementsOf(expectedStdout(i + 1));
      assertThat(lines)
          .as("invocation %d", i + 1)
          .containsOnlyOnce("inv-" + (i + 1) + " on stderr");
      assertThat(types(routed, requestId))
          .as("invocation %d", i + 1)
          .containsOnlyOnce("platform.start", "platform.runtimeDone", "platform.report");
    }
    assertThat(functionLines(routed, null)).isEmpty();
    RunReport.ExtensionReport extension = report.extensions().getFirst();
    assertThat(extension.exitCode()).isZero();
    assertThat(extension.exitedBeforeDeadline()).isTrue();
  }

  private static List<String> functionLines(
      List<Map<String, @Nullable Object>> routed, @Nullable String requestId) {
    return routed.stream()
        .filter(r -> "function".equals(r.get("type")))
        .filter(r -> Objects.equals(requestId, r.get("requestId")))
        .map(r -> (String) r.get("record"))
        .toList();
  }

  private static List<@Nullable Object> types(
      List<Map<String, @Nullable Object>> routed, String requestId) {
    return routed.stream()
        .filter(r -> requestId.equals(r.get("requestId")))
        .map(r -> r.get("type"))
        .toList();
  }
}
