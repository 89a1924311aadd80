package dev.telemetryrouter.core.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telemetryrouter.spi.FunctionContext;
import dev.telemetryrouter.spi.TelemetryRecord;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordDecoderTest {

  @Test
  void record_ofEveryDeadLetterFixtureEntry_encodesBackToTheSameBytes() throws IOException {
    for (String line : fixtureLines()) {
      String entry = entryText(line);

      TelemetryRecord record = RecordDecoder.record(object(entry));

      assertThat(new String(RecordEncoder.json(record), StandardCharsets.UTF_8)).isEqualTo(entry);
    }
  }

  @Test
  void record_keepsTheOriginalIdPartsAndFieldTypes() throws IOException {
    String entry = entryText(fixtureLines().get(1));

    TelemetryRecord record = RecordDecoder.record(object(entry));

    assertThat(record.id()).isEqualTo("r1");
    assertThat(record.time()).isEqualTo(Instant.parse("2026-01-01T00:00:00.250Z"));
    assertThat(record.type()).isEqualTo("function");
    assertThat(record.function())
        .isEqualTo(new FunctionContext("orders", "$LATEST", "eu-west-1", 128, null));
    assertThat(record.level()).isEqualTo("ERROR");
    assertThat(record.fields().get("attempt")).isEqualTo(new BigDecimal("2"));
    assertThat(record.payloadObject()).containsEntry("amount", new BigDecimal("12.50"));
  }

  /** What spill replay reads back is what the encoder wrote, at every edge of the time's text. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-01-01T00:00:01Z",
        "2025-01-01T00:00:00.000000001Z",
        "2025-01-01T00:00:00.000001Z",
        "2024-02-29T23:59:59.999999999Z",
        "1969-12-31T23:59:59.999Z",
        "1900-01-01T00:00:00Z",
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z",
        "-0001-12-31T23:59:59Z",
        "+10000-01-01T00:00:00Z"
      })
  void record_ofAnEncodedRecord_readsBackItsTime(String text) throws IOException {
    Instant time = Instant.parse(text);
    TelemetryRecord written =
        TelemetryRecord.builder(time, "function", "line")
            .id("r0")
            .function(new FunctionContext("f", "1", "eu-west-1", 128, null))
            .build();

    TelemetryRecord read =
        RecordDecoder.record(
            object(new String(RecordEncoder.json(written), StandardCharsets.UTF_8)));

    assertThat(read.time()).isEqualTo(time);
  }

  @Test
  void record_withoutAnId_failsNamingThePart() {
    String entry =
        "{\"time\":\"2026-01-01T00:00:00Z\",\"type\":\"function\",\"function\":{\"name\":\"f\","
            + "\"version\":\"1\",\"region\":\"eu-west-1\",\"memoryMb\":128},\"record\":\"x\"}";

    assertThatThrownBy(() -> RecordDecoder.record(object(entry)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("'id'");
  }

  @Test
  void parse_ofTwoValues_fails() {
    assertThatThrownBy(() -> RecordDecoder.parse("{} {}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(String json) throws IOException {
    return (Map<String, Object>) RecordDecoder.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  /** The entry of a dead-letter line as written: from {@code "entry":} to the line's last brace. */
  private static String entryText(String line) {
    int start = line.indexOf("\"entry\":") + "\"entry\":".length();
    return line.substring(start, line.length() - 1);
  }

  private static List<String> fixtureLines() throws IOException {
    try (InputStream in =
        RecordDecoderTest.class.getResourceAsStream("/engine/dead-letter-archive.jsonl")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
