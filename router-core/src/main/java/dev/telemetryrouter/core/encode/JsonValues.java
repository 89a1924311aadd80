package dev.telemetryrouter.core.encode;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Writes the JSON-shaped values of a record (see {@code TelemetryRecord}) to a generator. */
final class JsonValues {

  private JsonValues() {}

  static void write(JsonGenerator json, @Nullable Object value) throws IOException {
    switch (value) {
      case null -> json.writeNull();
      case String text -> json.writeString(text);
      case Boolean flag -> json.writeBoolean(flag);
      case BigDecimal decimal -> json.writeNumber(decimal);
      case BigInteger integer -> json.writeNumber(integer);
      case Integer number -> json.writeNumber(number);
      case Long number -> json.writeNumber(number);
      case Double number -> writeDouble(json, number);
      case Map<?, ?> map -> writeObject(json, map);
      case List<?> list -> writeArray(json, list);
      default -> json.writeString(value.toString());
    }
  }

  static void writeObject(JsonGenerator json, Map<?, ?> map) throws IOException {
    json.writeStartObject();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      json.writeFieldName(String.valueOf(entry.getKey()));
      write(json, entry.getValue());
    }
    json.writeEndObject();
  }

  private static void writeArray(JsonGenerator json, List<?> list) throws IOException {
    json.writeStartArray();
    for (Object item : list) {
      write(json, item);
    }
    json.writeEndArray();
  }

  private static void writeDouble(JsonGenerator json, Double number) throws IOException {
    // JSON has no NaN or infinity; such a value can only come from a stage, so keep it readable.
    if (number.isNaN() || number.isInfinite()) {
      json.writeString(number.toString());
    } else {
      json.writeNumber(number);
    }
  }
}
