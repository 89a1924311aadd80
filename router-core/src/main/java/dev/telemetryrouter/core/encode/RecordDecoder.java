package dev.telemetryrouter.core.encode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.telemetryrouter.spi.FunctionContext;
import dev.telemetryrouter.spi.TelemetryRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads back what {@link RecordEncoder#writeRecord} wrote, such as the entry of a dead-letter line,
 * into a {@link TelemetryRecord} with its original id, so that a receiver can drop a record it
 * already has. Numbers come back as {@link BigDecimal}; a field whose value was JSON null comes
 * back absent. Thread-safe and stateless.
 */
public final class RecordDecoder {

  private static final JsonFactory FACTORY = new JsonFactory();

  private RecordDecoder() {}

  /** Parses one whole JSON text into maps, lists, strings, decimals, booleans and nulls. */
  public static @Nullable Object parse(byte[] json) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      Object value = next(parser, parser.nextToken());
      if (parser.nextToken() != null) {
        throw new IOException("more than one JSON value");
      }
      return value;
    }
  }

  /**
   * The record a JSON object written by {@link RecordEncoder#writeRecord} describes.
   *
   * @throws IOException when a part is missing or of the wrong kind
   */
  public static TelemetryRecord record(Map<String, @Nullable Object> json) throws IOException {
    Map<String, @Nullable Object> rest = new LinkedHashMap<>(json);
    Instant time = instant(rest.remove("time"));
    String type = text(rest.remove("type"), "type");
    String id = text(rest.remove("id"), "id");
    FunctionContext function = function(rest.remove("function"));
    Object payload = rest.remove("record");
    if (!(payload instanceof String) && !(payload instanceof Map<?, ?>)) {
      throw new IOException("'record' is neither text nor an object");
    }

    TelemetryRecord.Builder builder =
        TelemetryRecord.builder(time, type, payload).id(id).function(function);
    rest.forEach(builder::field);
    return builder.build();
  }

  private static @Nullable Object next(JsonParser parser, @Nullable JsonToken token)
      throws IOException {
    if (token == null) {
      throw new IOException("the JSON text ends early");
    }
    return switch (token) {
      case START_OBJECT -> {
        Map<String, @Nullable Object> object = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          object.put(name, next(parser, parser.nextToken()));
        }
        yield object;
      }
      case START_ARRAY -> {
        List<@Nullable Object> array = new ArrayList<>();
        for (JsonToken item = parser.nextToken();
            item != JsonToken.END_ARRAY;
            item = parser.nextToken()) {
          array.add(next(parser, item));
        }
        yield array;
      }
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
      case VALUE_TRUE, VALUE_FALSE -> token == JsonToken.VALUE_TRUE;
      case VALUE_NULL -> null;
      default -> throw new IOException("unexpected JSON token " + token);
    };
  }

  private static FunctionContext function(@Nullable Object value) throws IOException {
    if (!(value instanceof Map<?, ?> map)) {
      throw new IOException("'function' is not an object");
    }
    int memoryMb = map.get("memoryMb") instanceof BigDecimal number ? number.intValue() : 0;
    Object account = map.get("accountId");
    return new FunctionContext(
        text(map.get("name"), "function.name"),
        text(map.get("version"), "function.version"),
        text(map.get("region"), "function.region"),
        memoryMb,
        account instanceof String accountId ? accountId : null);
  }

  private static Instant instant(@Nullable Object value) throws IOException {
    try {
      return IsoInstants.parse(text(value, "time"));
    } catch (DateTimeException e) {
      throw new IOException("'time' is not an ISO-8601 instant", e);
    }
  }

  private static String text(@Nullable Object value, String name) throws IOException {
    if (value instanceof String text) {
      return text;
    }
    throw new IOException("'" + name + "' is not text");
  }
}
