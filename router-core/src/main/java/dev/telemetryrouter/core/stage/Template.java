package dev.telemetryrouter.core.stage;

import dev.telemetryrouter.spi.FieldPath;
import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.config.ConfigSection;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A field value that may refer to the record: {@code {{requestId}}}, {@code
 * {{function.name}}-{{level}}}. A reference to a missing field renders as the empty text. A value
 * that is exactly one reference copies the field's value as it is (a number stays a number, an
 * object stays an object). Parsed once at creation.
 */
final class Template {

  private final @Nullable Object constant;
  private final List<Object> parts;

  private Template(@Nullable Object constant, List<Object> parts) {
    this.constant = constant;
    this.parts = parts;
  }

  /** Parses {@code value} found at {@code key}; a value that is not text is a constant. */
  static Template parse(ConfigSection config, String key, @Nullable Object value) {
    if (!(value instanceof String text) || !text.contains("{{")) {
      return new Template(value, List.of());
    }
    List<Object> parts = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      int open = text.indexOf("{{", at);
      int close = open < 0 ? -1 : text.indexOf("}}", open + 2);
      if (open < 0 || close < 0) {
        parts.add(text.substring(at));
        break;
      }
      if (open > at) {
        parts.add(text.substring(at, open));
      }
      parts.add(Condition.fieldPath(config, key, text.substring(open + 2, close).strip()));
      at = close + 2;
    }
    return new Template(null, List.copyOf(parts));
  }

  /** The value for {@code record}. */
  @Nullable Object render(TelemetryRecord record) {
    if (parts.isEmpty()) {
      return constant;
    }
    if (parts.size() == 1 && parts.getFirst() instanceof FieldPath only) {
      return record.get(only);
    }
    StringBuilder text = new StringBuilder();
    for (Object part : parts) {
      if (part instanceof FieldPath path) {
        String value = record.getText(path);
        text.append(value == null ? "" : value);
      } else {
        text.append(part);
      }
    }
    return text.toString();
  }
}
