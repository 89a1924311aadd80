package dev.telemetryrouter.core.lambda;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the body of one Telemetry or Logs API delivery: a JSON array of {@code {time, type,
 * record}} objects (Lambda Telemetry API,
 * https://docs.aws.amazon.com/lambda/latest/dg/telemetry-api.html; Lambda Logs API,
 * https://docs.aws.amazon.com/lambda/latest/dg/runtimes-logs-api.html). Every type and every schema
 * version share that envelope; the record itself is kept as sent, with unknown fields and types
 * passed through.
 */
final class DeliveryDecoder {

  /**
   * What one body held.
   *
   * @param events the well-formed elements, in delivery order
   * @param skippedElements elements that were not objects with a text {@code type}
   * @param error why the body as a whole could not be read to its end, or {@code null}; the events
   *     decoded before the error are still returned, so a damaged tail loses nothing before it
   */
  record Result(List<PlatformEvent> events, int skippedElements, @Nullable String error) {

    boolean malformed() {
      return error != null;
    }
  }

  Result decode(byte[] body) {
    List<PlatformEvent> events = new ArrayList<>();
    int skipped = 0;
    try (JsonParser parser = Json.FACTORY.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        return new Result(events, 0, "the body is not a JSON array");
      }
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        PlatformEvent event = toEvent(Json.readValue(parser));
        if (event == null) {
          skipped++;
        } else {
          events.add(event);
        }
      }
      if (parser.nextToken() != null) {
        return new Result(events, skipped, "trailing content after the JSON array");
      }
      return new Result(events, skipped, null);
    } catch (IOException | RuntimeException e) {
      // Jackson reports a truncated body, bad syntax or a limit (nesting, string length) here.
      return new Result(events, skipped, e.getClass().getSimpleName());
    }
  }

  private static @Nullable PlatformEvent toEvent(@Nullable Object element) {
    if (!(element instanceof Map<?, ?> object) || !(object.get("type") instanceof String type)) {
      return null;
    }
    String time = object.get("time") instanceof String text ? text : "";
    return new PlatformEvent(time, type, object.get("record"));
  }
}
