package dev.telemetryrouter.sink.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.spi.FunctionContext;
import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordJsonTest {

  private static final TelemetryRecord RECORD =
      TelemetryRecord.builder(
              Instant.parse("2026-01-02T03:04:05.678Z"),
              "platform.report",
              Map.of("metrics", Map.of("durationMs", new BigDecimal("12.50"))))
          .id("rec-1")
          .function(new FunctionContext("fn", "$LATEST", "eu-west-1", 128, "123456789012"))
          .field(TelemetryRecord.REQUEST_ID, "req-1")
          .field("tags", List.of("a\"b", true))
          .build();

  @Test
  void json_ofRecord_matchesFixtureOnOneLine() throws IOException {
    String expected = fixture("record.json").strip();

    String json = RecordJson.text(RECORD, RecordEncoding.JSON);

    assertThat(json).isEqualTo(expected).doesNotContain("\n");
  }

  @Test
  void message_withoutMessageField_isPayloadAsJson() {
    String message = RecordJson.text(RECORD, RecordEncoding.MESSAGE);

    assertThat(message).isEqualTo("{\"metrics\":{\"durationMs\":12.50}}");
  }

  @Test
  void json_withControlCharacters_escapesThemAll() {
    TelemetryRecord record =
        TelemetryRecord.builder(Instant.EPOCH, "function", "a\nb\u0001c\u2028").build();

    String json = RecordJson.text(record, RecordEncoding.JSON);

    assertThat(json).contains("\"record\":\"a\\nb\\u0001c\\u2028\"");
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = RecordJsonTest.class.getResourceAsStream("/" + name)) {
      assertThat(in).as("fixture %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
