package dev.telemetryrouter.sink.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.sink.testkit.BatchFactory;
import dev.telemetryrouter.sink.testkit.TestSinkContext;
import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkBatch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each format's request body, byte for byte, against a fixture written from the intake's documented
 * request shape; and the headers each intake needs.
 */
class FormatFixtureTest {

  private final SinkHarness harness = new SinkHarness();
  private Intake intake;

  @BeforeEach
  void start() throws Exception {
    // Bulk answers per item; the other formats ignore the answer's body.
    intake = new Intake().byDefault(new BulkResponder());
  }

  @AfterEach
  void stop() {
    harness.close();
    intake.close();
  }

  static Stream<Arguments> formats() {
    return Stream.of(
        Arguments.of("json-lines.ndjson", Map.of("format", "json"), "application/x-ndjson"),
        Arguments.of("json-array.json", Map.of("body", "json_array"), "application/json"),
        Arguments.of(
            "elasticsearch-bulk.ndjson",
            Map.of("format", "elasticsearch", "index", "lambda-logs"),
            "application/x-ndjson"),
        Arguments.of(
            "splunk-hec.json",
            Map.of(
                "format", "splunk_hec",
                "token", "hec-token-value",
                "host", "orders-api",
                "source", "lambda",
                "sourcetype", "_json",
                "index", "main"),
            "application/json"),
        Arguments.of(
            "splunk-hec-message.json",
            Map.of("format", "splunk_hec", "token", "t", "encoding", "message"),
            "application/json"),
        Arguments.of(
            "loki-push.json",
            Map.of("format", "loki", "labels", Map.of("env", "prod")),
            "application/json"),
        Arguments.of(
            "loki-push-message.json",
            Map.of(
                "format",
                "loki",
                "encoding",
                "message",
                "label_fields",
                Map.of("level", "level"),
                "record_id_metadata",
                true),
            "application/json"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void send_bodyMatchesTheIntakeFixture(String fixture, Map<String, Object> format, String type)
      throws Exception {
    Sink sink = harness.sink(options(format));
    SinkBatch batch = batch(sink);

    SendResult result = harness.send(sink, batch);

    assertThat(result.outcomes()).containsOnly(RecordOutcome.DELIVERED);
    Intake.Received request = intake.received().getFirst();
    assertThat(request.body()).isEqualTo(fixture(fixture));
    assertThat(request.header("Content-Type")).isEqualToIgnoringCase(type);
    assertThat(request.header(HttpSink.BATCH_ID_HEADER)).isEqualTo(batch.id());
  }

  @Test
  void send_splunk_authenticatesWithTheTokenHeader() throws Exception {
    Sink sink = harness.sink(options(Map.of("format", "splunk_hec", "token", "0f9e-token")));

    harness.send(sink, batch(sink));

    assertThat(intake.received().getFirst().header("Authorization")).isEqualTo("Splunk 0f9e-token");
  }

  @Test
  void send_withConfiguredHeaders_sendsThem() throws Exception {
    Sink sink =
        harness.sink(
            options(Map.of("headers", Map.of("Authorization", "ApiKey abc", "X-Team", "a"))));

    harness.send(sink, batch(sink));

    Intake.Received request = intake.received().getFirst();
    assertThat(request.header("Authorization")).isEqualTo("ApiKey abc");
    assertThat(request.header("X-Team")).isEqualTo("a");
  }

  @Test
  void send_withGzip_bodyDecompressesToTheFixture() throws Exception {
    Sink sink = harness.sink(options(Map.of("gzip", true)));

    harness.send(sink, batch(sink));

    Intake.Received request = intake.received().getFirst();
    assertThat(request.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(request.body()).isEqualTo(fixture("json-lines.ndjson"));
  }

  private Map<String, Object> options(Map<String, Object> format) {
    Map<String, Object> options = new LinkedHashMap<>(format);
    options.put(
        "url",
        intake.url(
            format.containsKey("index") && !format.containsKey("token") ? "/_bulk" : "/ingest"));
    return options;
  }

  /** Three records: a text log line, a platform event with an object payload, an error line. */
  private SinkBatch batch(Sink sink) {
    BatchFactory factory = harness.factory(sink);
    Instant start = Instant.parse("2026-03-04T05:06:07.089Z");
    TelemetryRecord shipped =
        TelemetryRecord.builder(start, "function", "order 42 shipped \"express\"")
            .id("01J0RECORD0000000000000001")
            .function(TestSinkContext.FUNCTION)
            .field(TelemetryRecord.REQUEST_ID, "c0ffee00-0000-4000-8000-000000000042")
            .field(TelemetryRecord.LEVEL, "INFO")
            .build();
    TelemetryRecord report =
        TelemetryRecord.builder(
                start.plusMillis(1_500), "platform.report", Map.of("status", "success"))
            .id("01J0RECORD0000000000000002")
            .function(TestSinkContext.FUNCTION)
            .field(TelemetryRecord.REQUEST_ID, "c0ffee00-0000-4000-8000-000000000042")
            .build();
    TelemetryRecord failure =
        TelemetryRecord.builder(start.plusNanos(2_000_123_456L), "function", "boom\n\tat Handler")
            .id("01J0RECORD0000000000000003")
            .function(TestSinkContext.FUNCTION)
            .field(TelemetryRecord.LEVEL, "ERROR")
            .build();
    return factory.batch(
        List.of(factory.outgoing(shipped), factory.outgoing(report), factory.outgoing(failure)));
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = FormatFixtureTest.class.getResourceAsStream("/fixtures/" + name)) {
      assertThat(in).as("fixture %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
