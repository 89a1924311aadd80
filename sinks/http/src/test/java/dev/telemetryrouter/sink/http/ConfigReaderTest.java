package dev.telemetryrouter.sink.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.sink.testkit.TestSinkContext;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkLimits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Option checks: every problem with its key path, value and expectation, all at once. */
class ConfigReaderTest {

  private static List<String> problems(Map<String, Object> options) {
    TestSinkContext context = TestSinkContext.of("logs", options);
    new HttpSinkProvider().create(context).close();
    return context.problemLines();
  }

  @Test
  void create_withoutUrl_reportsTheMissingKey() {
    List<String> problems = problems(Map.of("format", "json"));

    assertThat(problems).singleElement().asString().contains("sinks.logs.url");
  }

  @Test
  void create_elasticsearchWithEmptyUrl_reportsTheUrlOnceAndNoPlaceholderPath() {
    List<String> problems = problems(Map.of("url", "", "format", "elasticsearch", "index", "x"));

    assertThat(problems)
        .singleElement()
        .asString()
        .startsWith("sinks.logs.url: ")
        .endsWith("expected an http:// or https:// URL")
        .doesNotContain("_bulk");
  }

  @Test
  void create_withSeveralMistakes_reportsThemTogether() {
    List<String> problems =
        problems(
            Map.of(
                "url", "ftp://files.example/x",
                "format", "graylog",
                "gzip", "sometimes",
                "headers", Map.of("Content-Type", "text/plain")));

    assertThat(problems).hasSize(4);
    assertThat(String.join("\n", problems))
        .contains("sinks.logs.url", "sinks.logs.format", "sinks.logs.gzip")
        .contains("sinks.logs.headers.Content-Type");
  }

  @Test
  void create_withCredentialsInUrl_refusesThemWithoutPrintingThem() {
    List<String> problems = problems(Map.of("url", "https://user:hunter2@logs.example/in?k=v"));

    assertThat(problems).singleElement().asString().contains("headers").doesNotContain("hunter2");
  }

  @Test
  void create_elasticsearchWithoutIndexOrBulkPath_saysWhatToSet() {
    List<String> noBulk =
        problems(Map.of("url", "https://es.example:9200/", "format", "opensearch"));
    List<String> noIndex =
        problems(Map.of("url", "https://es.example:9200/_bulk", "format", "elasticsearch"));

    assertThat(noBulk).singleElement().asString().contains("sinks.logs.url", "_bulk");
    assertThat(noIndex).singleElement().asString().contains("sinks.logs.index");
  }

  @Test
  void create_splunkWithoutToken_asksForOne() {
    List<String> problems =
        problems(
            Map.of("url", "https://hec.example/services/collector/event", "format", "splunk_hec"));

    assertThat(problems).singleElement().asString().contains("sinks.logs.token");
  }

  @Test
  void create_lokiWithHighCardinalityOrBadLabels_refusesThem() {
    List<String> problems =
        problems(
            Map.of(
                "url",
                "http://loki.example:3100/loki/api/v1/push",
                "format",
                "loki",
                "labels",
                Map.of("9bad", "x"),
                "label_fields",
                Map.of("request", "requestId", "fn", "function.name")));

    assertThat(problems).hasSize(2);
    assertThat(String.join("\n", problems))
        .contains("sinks.logs.labels.9bad", "sinks.logs.label_fields.request");
  }

  @Test
  void create_optionsOfAnotherFormat_areLeftUnreadSoTheEngineReportsThem() {
    TestSinkContext context =
        TestSinkContext.of(
            "logs", Map.of("url", "https://x.example/in", "labels", Map.of("env", "prod")));

    new HttpSinkProvider().create(context).close();

    assertThat(context.config().unknownKeys()).containsExactly("sinks.logs.labels");
  }

  @Test
  void limits_perFormat_countTheFramingAndFitAFullBatch() {
    TestSinkContext context =
        TestSinkContext.of(
            "logs",
            Map.of(
                "url", "http://loki.example/loki/api/v1/push",
                "format", "loki",
                "max_body_bytes", "64KB",
                "max_records", 5000));

    try (Sink sink = new HttpSinkProvider().create(context)) {
      SinkLimits limits = sink.limits();

      assertThat(context.problemLines()).isEmpty();
      assertThat(sink.encoding()).isEqualTo(RecordEncoding.JSON);
      assertThat(limits.maxBytesPerBatch()).isEqualTo(64_000);
      assertThat(limits.batchOverheadBytes()).isEqualTo("{\"streams\":[]}".length());
      assertThat(limits.recordOverheadBytes()).isGreaterThan(3 * 256);
      assertThat((long) limits.maxRecordsPerBatch() * (limits.recordOverheadBytes() + 1))
          .isLessThanOrEqualTo(limits.maxBytesPerBatch() - limits.batchOverheadBytes());
    }
  }
}
