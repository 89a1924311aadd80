package dev.telemetryrouter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.locallambda.FunctionSource;
import dev.telemetryrouter.locallambda.LocalLambda;
import dev.telemetryrouter.locallambda.LogFormat;
import dev.telemetryrouter.locallambda.RunReport;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue #3, end-to-end 2: JSON log format on Telemetry API schema 2022-12-13. */
class JsonFormatTest {

  private static final int INVOCATIONS = 3;

  private static final String FUNCTION =
      """
      n=$(( $(cat count 2>/dev/null || echo 0) + 1 )); echo $n > count
      echo "plain line $n"
      echo "{\\"inv\\":$n,\\"event\\":\\"bare\\"}"
      echo "{\\"level\\":\\"WARN\\",\\"message\\":\\"structured $n\\",\\"orderId\\":$n}"
      """;

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void jsonLines_stayObjects_neverDoubleEncoded(@TempDir Path root) {
    Harness harness = new Harness(root);
    List<String> requestIds = new ArrayList<>();
    RunReport report;

    try (LocalLambda lambda =
        harness
            .emulator(harness.routing("  schema_version: 2022-12-13\n", ""))
            .logFormat(LogFormat.JSON)
            .function(FunctionSource.command(FUNCTION))
            .start()) {
      assertThat(lambda.initSucceeded()).as(harness.extensionLog(lambda)).isTrue();
      for (int i = 0; i < INVOCATIONS; i++) {
        requestIds.add(lambda.invoke().requestId());
      }
      report = lambda.shutdown("spindown");
    }

    assertThat(report.subscribers().getFirst().schemaVersion()).isEqualTo("2022-12-13");
    List<Map<String, @Nullable Object>> routed = harness.routed();
    for (int i = 0; i < INVOCATIONS; i++) {
      BigDecimal n = BigDecimal.valueOf(i + 1);
      List<Map<String, @Nullable Object>> lines = function(routed, requestIds.get(i));

      assertThat(lines).hasSize(3).allMatch(line -> line.get("record") instanceof Map<?, ?>);
      assertThat(lines.get(0).get("record"))
          .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
          .containsEntry("message", "plain line " + n)
          .containsEntry("level", "INFO");
      assertThat(lines.get(1).get("record")).isEqualTo(Map.of("inv", n, "event", "bare"));
      assertThat(lines.get(2).get("record"))
          .isEqualTo(Map.of("level", "WARN", "message", "structured " + n, "orderId", n));
      assertThat(lines.get(2))
          .containsEntry("level", "WARN")
          .containsEntry("message", "structured " + n);
    }
  }

  private static List<Map<String, @Nullable Object>> function(
      List<Map<String, @Nullable Object>> routed, String requestId) {
    return routed.stream()
        .filter(r -> "function".equals(r.get("type")))
        .filter(r -> requestId.equals(r.get("requestId")))
        .toList();
  }
}
