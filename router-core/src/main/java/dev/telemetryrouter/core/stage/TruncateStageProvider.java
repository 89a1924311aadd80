package dev.telemetryrouter.core.stage;

import dev.telemetryrouter.spi.FieldPath;
import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.config.ConfigSection;
import dev.telemetryrouter.spi.stage.Stage;
import dev.telemetryrouter.spi.stage.StageContext;
import dev.telemetryrouter.spi.stage.StageProvider;
import dev.telemetryrouter.spi.stage.StageResult;
import java.nio.charset.StandardCharsets;

/**
 * {@code type: truncate}: cuts the text at {@code field} (default {@code message}) when its UTF-8
 * encoding is longer than {@code max_bytes}, keeping whole characters and appending {@code marker}
 * (default {@code …[truncated]}); the result, marker included, is at most {@code max_bytes}. When
 * the record has no such field and its payload is text, the payload is cut instead. Never drops a
 * record.
 */
public final class TruncateStageProvider implements StageProvider {

  static final String DEFAULT_MARKER = "…[truncated]";

  private static final FieldPath PAYLOAD = FieldPath.parse("record");

  @Override
  public String type() {
    return "truncate";
  }

  @Override
  public Stage create(StageContext context) {
    ConfigSection config = context.config();
    long maxBytes = config.bytes("max_bytes", 0, 1, Integer.MAX_VALUE);
    if (!config.has("max_bytes")) {
      config.problem("max_bytes", null, "a size such as 8KiB, the most a message may hold");
    }
    String marker = config.optionalString("marker").orElse(DEFAULT_MARKER);
    int markerBytes = marker.getBytes(StandardCharsets.UTF_8).length;
    if (maxBytes > 0 && markerBytes >= maxBytes) {
      config.problem("marker", marker, "a marker shorter than max_bytes (" + maxBytes + " bytes)");
    }
    FieldPath field =
        Condition.fieldPath(config, "field", config.optionalString("field").orElse("message"));
    Fields.checkWritable(config, "field", field);
    int budget = (int) Math.max(0, maxBytes - markerBytes);
    return record -> StageResult.keep(truncate(record, field, (int) maxBytes, budget, marker));
  }

  private static TelemetryRecord truncate(
      TelemetryRecord record, FieldPath field, int maxBytes, int budget, String marker) {
    Object value = record.get(field);
    FieldPath target = field;
    if (value == null && record.payload() instanceof String payload) {
      value = payload;
      target = PAYLOAD;
    }
    if (!(value instanceof String text) || !exceeds(text, maxBytes)) {
      return record;
    }
    return Fields.set(record, target, prefix(text, budget) + marker);
  }

  /** Whether {@code text} takes more than {@code maxBytes} in UTF-8, without encoding it. */
  static boolean exceeds(String text, int maxBytes) {
    // A char takes at most 3 bytes (a surrogate pair 4 for 2 chars), so short text cannot exceed.
    if ((long) text.length() * 3 <= maxBytes) {
      return false;
    }
    return utf8Length(text, text.length()) > maxBytes;
  }

  /** The longest prefix of whole code points whose UTF-8 encoding fits in {@code budget}. */
  static String prefix(String text, int budget) {
    int bytes = 0;
    int index = 0;
    while (index < text.length()) {
      int codePoint = text.codePointAt(index);
      int size = utf8Size(codePoint);
      if (bytes + size > budget) {
        break;
      }
      bytes += size;
      index += Character.charCount(codePoint);
    }
    return text.substring(0, index);
  }

  private static long utf8Length(String text, int end) {
    long bytes = 0;
    for (int index = 0; index < end; ) {
      int codePoint = text.codePointAt(index);
      bytes += utf8Size(codePoint);
      index += Character.charCount(codePoint);
    }
    return bytes;
  }

  private static int utf8Size(int codePoint) {
    if (codePoint < 0x80) {
      return 1;
    }
    if (codePoint < 0x800) {
      return 2;
    }
    // A lone surrogate is encoded by Java as '?', one byte; count 3 to stay on the safe side.
    return codePoint < 0x10000 ? 3 : 4;
  }
}
