package dev.telemetryrouter.core.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * JSON to and from plain Java values with the jackson-core streaming API (no data binding, which
 * would cost start-up time): objects as {@code Map<String, Object>} in document order, arrays as
 * {@code List}, numbers as {@link java.math.BigDecimal}, and {@code null} for JSON null.
 */
final class Json {

  static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /** Reads one value whose first token the parser has just returned. */
  static @Nullable Object readValue(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      throw new IOException("unexpected end of JSON input");
    }
    return switch (token) {
      case START_OBJECT -> readObject(parser);
      case START_ARRAY -> readArray(parser);
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new IOException("unexpected JSON token " + token);
    };
  }

  /** Parses a whole text as one JSON value; trailing content is an error. */
  static @Nullable Object parse(String text) throws IOException {
    try (JsonParser parser = FACTORY.createParser(text)) {
      parser.nextToken();
      Object value = readValue(parser);
      if (parser.nextToken() != null) {
        throw new IOException("trailing content after the JSON value");
      }
      return value;
    }
  }

  private static Map<String, @Nullable Object> readObject(JsonParser parser) throws IOException {
    Map<String, @Nullable Object> object = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      object.put(name, readValue(parser));
    }
    return object;
  }

  private static List<@Nullable Object> readArray(JsonParser parser) throws IOException {
    List<@Nullable Object> array = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      array.add(readValue(parser));
    }
    return array;
  }

  /** Renders a JSON-shaped Java value (maps, lists, strings, numbers, booleans, null). */
  static String write(@Nullable Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      writeValue(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void writeValue(JsonGenerator generator, @Nullable Object value)
      throws IOException {
    switch (value) {
      case null -> generator.writeNull();
      case Map<?, ?> map -> {
        generator.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          generator.writeFieldName(String.valueOf(entry.getKey()));
          writeValue(generator, entry.getValue());
        }
        generator.writeEndObject();
      }
      case List<?> list -> {
        generator.writeStartArray();
        for (Object item : list) {
          writeValue(generator, item);
        }
        generator.writeEndArray();
      }
      case java.math.BigDecimal number -> generator.writeNumber(number);
      case Integer number -> generator.writeNumber(number);
      case Long number -> generator.writeNumber(number);
      case Boolean bool -> generator.writeBoolean(bool);
      default -> generator.writeString(value.toString());
    }
  }
}
