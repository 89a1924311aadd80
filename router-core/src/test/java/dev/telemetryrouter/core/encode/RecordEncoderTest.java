package dev.telemetryrouter.core.encode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.spi.FunctionContext;
import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordEncoderTest {

  private static final FunctionContext ORDERS =
      new FunctionContext("orders", "$LATEST", "eu-west-1", 128, null);
  private static final Instant TIME = Instant.parse("2026-01-02T03:04:05.678Z");

  @Test
  void json_withTextPayload_writesThePayloadAsAString() throws IOException {
    TelemetryRecord record =
        TelemetryRecord.builder(TIME, "function", "2026-01-02T03:04:05.678Z req-1 INFO hello")
            .id("rec-1")
            .function(ORDERS)
            .field(TelemetryRecord.REQUEST_ID, "req-1")
            .field(TelemetryRecord.LEVEL, "INFO")
            .field(TelemetryRecord.MESSAGE, "hello")
            .build();

    byte[] json = RecordEncoder.json(record);

    assertThat(text(json)).isEqualTo(fixture("string-payload.json"));
  }

  @Test
  void json_withObjectPayload_writesItAsAnObjectWithDecimalsAsNumbers() throws IOException {
    TelemetryRecord record =
        TelemetryRecord.builder(Instant.parse("2026-01-02T03:04:06Z"), "platform.report", report())
            .id("rec-2")
            .function(new FunctionContext("orders", "7", "eu-west-1", 512, "123456789012"))
            .field(TelemetryRecord.REQUEST_ID, "req-2")
            .build();

    byte[] json = RecordEncoder.json(record);

    assertThat(text(json)).isEqualTo(fixture("object-payload.json"));
  }

  @Test
  void json_withUnicode_writesUtf8AsIs() throws IOException {
    String message = "héllo wörld ✓ 😀 日本";
    TelemetryRecord record =
        TelemetryRecord.builder(TIME, "function", message)
            .id("rec-3")
            .function(ORDERS)
            .field(TelemetryRecord.MESSAGE, message)
            .build();

    byte[] json = RecordEncoder.json(record);

    assertThat(text(json)).isEqualTo(fixture("unicode.json"));
  }

  @Test
  void json_withNewlinesInTheMessage_escapesThemSoTheRecordStaysOneLine() throws IOException {
    String message = "line one\nline two\r\n\ttab \"quoted\" \\ back";
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("message", message);
    payload.put("level", "ERROR");
    TelemetryRecord record =
        TelemetryRecord.builder(TIME, "function", payload)
            .id("rec-4")
            .function(ORDERS)
            .field(TelemetryRecord.MESSAGE, message)
            .build();

    byte[] json = RecordEncoder.json(record);

    assertThat(json).doesNotContain((byte) '\n', (byte) '\r');
    assertThat(text(json)).isEqualTo(fixture("newlines.json"));
  }

  @Test
  void message_prefersTheMessageField_thenTextPayload_thenPayloadObjectAsJson() throws IOException {
    TelemetryRecord withField =
        TelemetryRecord.builder(TIME, "function", "raw line").field("message", "parsed").build();
    TelemetryRecord textOnly = TelemetryRecord.builder(TIME, "function", "raw line").build();
    TelemetryRecord objectOnly = TelemetryRecord.builder(TIME, "platform.report", report()).build();

    String fromField = text(RecordEncoder.encode(withField, RecordEncoding.MESSAGE));
    String fromText = text(RecordEncoder.encode(textOnly, RecordEncoding.MESSAGE));
    String fromObject = text(RecordEncoder.encode(objectOnly, RecordEncoding.MESSAGE));

    assertThat(fromField).isEqualTo("parsed");
    assertThat(fromText).isEqualTo("raw line");
    assertThat(fromObject).isEqualTo(fixture("object-message.txt"));
  }

  @Test
  void json_whenAFieldIsNamedLikeAnOwnPart_writesTheOwnPartOnly() {
    TelemetryRecord record =
        TelemetryRecord.builder(TIME, "function", "x").id("rec-5").field("type", "spoof").build();

    String json = text(RecordEncoder.json(record));

    assertThat(json).contains("\"type\":\"function\"").doesNotContain("spoof");
  }

  @Test
  void json_withALoneSurrogate_stillEncodesOneLine() {
    String broken = "half \uD83D of an emoji, and \uDE00 the other half";
    TelemetryRecord record =
        TelemetryRecord.builder(TIME, "function", broken).field("message", broken).build();

    byte[] json = RecordEncoder.json(record);
    byte[] message = RecordEncoder.message(record);

    assertThat(text(json)).startsWith("{").endsWith("}").contains("of an emoji");
    assertThat(text(message)).contains("of an emoji");
  }

  private static Map<String, Object> report() {
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("durationMs", new BigDecimal("12.50"));
    metrics.put("billedDurationMs", new BigDecimal("13"));
    metrics.put("maxMemoryUsedMB", new BigDecimal("70"));
    List<Object> tags = new ArrayList<>(Arrays.asList("a", true, null));
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("requestId", "req-2");
    report.put("metrics", metrics);
    report.put("status", "success");
    report.put("tags", tags);
    return report;
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = RecordEncoderTest.class.getResourceAsStream("/encode/" + name)) {
      assertThat(in).as("fixture %s", name).isNotNull();
      String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    }
  }
}
