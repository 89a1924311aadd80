package dev.telemetryrouter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.locallambda.FunctionSource;
import dev.telemetryrouter.locallambda.LocalLambda;
import dev.telemetryrouter.locallambda.LogFormat;
import dev.telemetryrouter.locallambda.RunReport;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #3, end-to-end 2: end-to-end 1 in JSON log format on Telemetry API schema 2022-12-13, where
 * every function line arrives as an object (Lambda Telemetry API Event schema reference,
 * https://docs.aws.amazon.com/lambda/latest/dg/telemetry-schema-reference.html): a JSON line as it
 * was printed, any other line wrapped as {timestamp, level, message}.
 */
class JsonFormatTest {

  private static final int INVOCATIONS = 20;
  private static final int BIG_LINE = 300_000;
  private static final String TRACE =
      "java.lang.IllegalStateException: inv-%d boom\n"
          + "\tat com.example.Handler.handle(Handler.java:12)\n"
          + "\tat com.example.Main.main(Main.java:3)";

  /**
   * Per invocation N: a plain line, a JSON line without message or level, a structured line, a
   * stack trace as one structured record with a multi-line message and again as three plain lines,
   * a 300 KB line, a line on stderr and a last line.
   */
  private static final String FUNCTION =
      """
      n=$(( $(cat count 2>/dev/null || echo 0) + 1 )); echo $n > count
      echo "inv-$n plain one"
      echo "{\\"inv\\":$n,\\"event\\":\\"bare\\"}"
      echo "{\\"level\\":\\"WARN\\",\\"message\\":\\"structured $n\\",\\"orderId\\":$n}"
      a='java.lang.IllegalStateException: inv-%s boom'
      b='\\\\n\\\\tat com.example.Handler.handle(Handler.java:12)'
      c='\\\\n\\\\tat com.example.Main.main(Main.java:3)'
      t="$a$b$c"
      lead="{\\"level\\":\\"ERROR\\",\\"errorType\\":\\"java.lang.IllegalStateException\\""
      printf "$lead,\\"message\\":\\"$t\\"}\\n" $n
      printf 'java.lang.IllegalStateException: inv-%s boom\\n' $n
      printf '\\tat com.example.Handler.handle(Handler.java:12)\\n'
      printf '\\tat com.example.Main.main(Main.java:3)\\n'
      printf 'inv-%s big ' $n; head -c 300000 /dev/zero | tr '\\0' 'x'; echo
      echo "inv-$n on stderr" >&2
      echo "inv-$n last"
      """;

  /** A line over the default maxBytes fills a batch alone; see {@link TextFormatTest}. */
  private static final String EXTENSION =
      "  schema_version: 2022-12-13\n  buffering:\n    max_bytes: 1MiB\n";

  private static List<Map<String, Object>> expectedStdout(int n) {
    BigDecimal number = BigDecimal.valueOf(n);
    return List.of(
        wrapped("inv-" + n + " plain one"),
        Map.of("inv", number, "event", "bare"),
        Map.of("level", "WARN", "message", "structured " + n, "orderId", number),
        Map.of(
            "level",
            "ERROR",
            "errorType",
            "java.lang.IllegalStateException",
            "message",
            TRACE.formatted(n)),
        wrapped("java.lang.IllegalStateException: inv-" + n + " boom"),
        wrapped("\tat com.example.Handler.handle(Handler.java:12)"),
        wrapped("\tat com.example.Main.main(Main.java:3)"),
        wrapped("inv-" + n + " big " + "x".repeat(BIG_LINE)),
        wrapped("inv-" + n + " last"));
  }

  /** A plain line as Lambda wraps it, less the timestamp (compared separately). */
  private static Map<String, Object> wrapped(String message) {
    return Map.of("level", "INFO", "message", message);
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void twentyInvocations_jsonRecordsStayObjectsOnceInOrderWithReports(@TempDir Path root) {
    Harness harness = new Harness(root);
    List<String> requestIds = new ArrayList<>();
    RunReport report;

    try (LocalLambda lambda =
        harness
            .emulator(harness.routing(EXTENSION, ""))
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
    assertThat(routed).extracting(r -> r.get("id")).doesNotHaveDuplicates();
    for (int n = 1; n <= INVOCATIONS; n++) {
      String requestId = requestIds.get(n - 1);
      String stderr = "inv-" + n + " on stderr";
      String structured = "structured " + n;
      List<Map<String, @Nullable Object>> lines = function(routed, requestId);
      assertThat(lines).as("invocation %d", n).allMatch(l -> l.get("record") instanceof Map);

      List<Map<String, Object>> records = records(lines);
      assertThat(records.stream().filter(r -> !stderr.equals(r.get("message"))).toList())
          .as("invocation %d", n)
          .containsExactlyElementsOf(expectedStdout(n));
      assertThat(records).filteredOn(r -> stderr.equals(r.get("message"))).hasSize(1);
      assertThat(lines)
          .filteredOn(l -> structured.equals(l.get("message")))
          .singleElement()
          .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
          .containsEntry("level", "WARN")
          .containsEntry("message", structured);
      assertThat(types(routed, requestId))
          .as("invocation %d", n)
          .containsOnlyOnce("platform.start", "platform.runtimeDone", "platform.report");
    }
    assertThat(report.extensions().getFirst().exitCode()).isZero();
  }

  /** Each line's record without the wrapper's timestamp, which must be there when it wrapped. */
  private static List<Map<String, Object>> records(List<Map<String, @Nullable Object>> lines) {
    List<Map<String, Object>> records = new ArrayList<>();
    for (Map<String, @Nullable Object> line : lines) {
      Map<String, Object> record = new LinkedHashMap<>();
      ((Map<?, ?>) line.get("record")).forEach((k, v) -> record.put((String) k, v));
      if ("INFO".equals(record.get("level"))) {
        assertThat(record.remove("timestamp")).asString().endsWith("Z");
      }
      records.add(record);
    }
    return records;
  }

  private static List<Map<String, @Nullable Object>> function(
      List<Map<String, @Nullable Object>> routed, String requestId) {
    return routed.stream()
        .filter(r -> "function".equals(r.get("type")))
        .filter(r -> requestId.equals(r.get("requestId")))
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
