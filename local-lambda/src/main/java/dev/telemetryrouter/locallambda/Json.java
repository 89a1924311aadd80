package dev.telemetryrouter.locallambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A tiny JSON tree on top of jackson-core streaming: objects are {@code Map<String, Object>} in
 * insertion order, arrays are {@code List<Object>}, numbers are {@code Long} or {@code BigDecimal},
 * JSON null is {@link #NULL}.
 */
final class Json {

  /** Stands for JSON null, since the tree's maps and lists hold no Java nulls. */
  static final Object NULL = new Object();

  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /** Parses one JSON document; throws {@link IllegalArgumentException} when it is not JSON. */
  static Object parse(String text) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new IllegalArgumentException("empty document");
      }
      Object value = read(parser, first);
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("trailing content after the JSON value");
      }
      return value;
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Parses a JSON object, or returns null when the text is not a JSON object. */
  static @Nullable Map<String, Object> parseObjectOrNull(String text) {
    String trimmed = text.strip();
    if (!trimmed.startsWith("{")) {
      return null;
    }
    try {
      return asObject(parse(trimmed));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  static @Nullable Map<String, Object> asObject(@Nullable Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
  }

  private static Object read(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String name = parser.currentName();
          map.put(name, read(parser, parser.nextToken()));
        }
        yield map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          list.add(read(parser, t));
        }
        yield list;
      }
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT -> parser.getLongValue();
      case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> NULL;
      default -> throw new IOException("unexpected token " + token);
    };
  }

  /** Writes a tree (maps, lists, strings, numbers, booleans, {@link #NULL}) as compact JSON. */
  static String write(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator gen = FACTORY.createGenerator(out)) {
      write(gen, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static void write(JsonGenerator gen, Object value) throws IOException {
    switch (value) {
      case Map<?, ?> map -> {
        gen.writeStartObject();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          gen.writeFieldName(String.valueOf(e.getKey()));
          write(gen, e.getValue());
        }
        gen.writeEndObject();
      }
      case List<?> list -> {
        gen.writeStartArray();
        for (Object item : list) {
          write(gen, item);
        }
        gen.writeEndArray();
      }
      case String s -> gen.writeString(s);
      case Long l -> gen.writeNumber(l);
      case Integer i -> gen.writeNumber(i);
      case BigDecimal d -> gen.writeNumber(d);
      case Double d -> gen.writeNumber(d);
      case Boolean b -> gen.writeBoolean(b);
      default -> {
        if (value == NULL) {
          gen.writeNull();
        } else {
          gen.writeString(value.toString());
        }
      }
    }
  }
}
