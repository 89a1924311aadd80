package dev.telemetryrouter.sink.testkit;

import dev.telemetryrouter.spi.FunctionContext;
import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A small encoder of records as {@link RecordEncoding} describes them, built with plain string
 * building so the kit needs no JSON library and no engine. It is the kit's stand-in for the
 * engine's encoder: the bytes are the ones a sink would see in {@code OutgoingRecord.data()}, but
 * the field order and number rendering are the kit's own.
 */
public final class RecordJson {

  private RecordJson() {}

  /** The UTF-8 bytes of {@code record} in {@code encoding}, without framing (no newline). */
  public static byte[] encode(TelemetryRecord record, RecordEncoding encoding) {
    return text(record, encoding).getBytes(StandardCharsets.UTF_8);
  }

  /** {@link #encode} as text. */
  public static String text(TelemetryRecord record, RecordEncoding encoding) {
    return switch (encoding) {
      case JSON -> json(record);
      case MESSAGE -> message(record);
    };
  }

  private static String message(TelemetryRecord record) {
    String message = record.message();
    if (message != null) {
      return message;
    }
    return record.payload() instanceof String text ? text : value(record.payload());
  }

  private static String json(TelemetryRecord record) {
    StringBuilder out = new StringBuilder(256);
    out.append("{\"time\":");
    string(out, record.time().toString());
    out.append(",\"type\":");
    string(out, record.type());
    out.append(",\"id\":");
    string(out, record.id());

    for (Map.Entry<String, @Nullable Object> field : record.fields().entrySet()) {
      out.append(',');
      string(out, field.getKey());
      out.append(':');
      value(out, field.getValue());
    }

    out.append(",\"function\":");
    function(out, record.function());
    out.append(",\"record\":");
    value(out, record.payload());
    return out.append('}').toString();
  }

  private static void function(StringBuilder out, FunctionContext function) {
    out.append("{\"name\":");
    string(out, function.name());
    out.append(",\"version\":");
    string(out, function.version());
    out.append(",\"region\":");
    string(out, function.region());
    out.append(",\"memoryMb\":").append(function.memoryMb());
    if (function.accountId() != null) {
      out.append(",\"accountId\":");
      string(out, function.accountId());
    }
    out.append('}');
  }

  /** A JSON-shaped value as compact JSON text. */
  public static String value(@Nullable Object value) {
    StringBuilder out = new StringBuilder();
    value(out, value);
    return out.toString();
  }

  private static void value(StringBuilder out, @Nullable Object value) {
    switch (value) {
      case null -> out.append("null");
      case String text -> string(out, text);
      case Boolean flag -> out.append(flag);
      case BigDecimal decimal -> out.append(decimal.toPlainString());
      case Number number -> out.append(number);
      case Map<?, ?> map -> {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          out.append(first ? "" : ",");
          string(out, String.valueOf(entry.getKey()));
          out.append(':');
          value(out, entry.getValue());
          first = false;
        }
        out.append('}');
      }
      case List<?> list -> {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          out.append(i == 0 ? "" : ",");
          value(out, list.get(i));
        }
        out.append(']');
      }
      default -> string(out, value.toString());
    }
  }

  /** Appends {@code text} as a JSON string; control characters are escaped, so no raw newline. */
  static void string(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
