package dev.telemetryrouter.core.lambda;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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

  /**
   * What one body held when its events were handed on one by one.
   *
   * @param events the well-formed elements handed on
   * @param skippedElements elements that were not objects with a text {@code type}
   * @param error as in {@link Result}
   */
  record Counts(int events, int skippedElements, @Nullable String error) {

    boolean malformed() {
      return error != null;
    }
  }

  /** Decodes {@code body} whole, for callers that want the events as a list. */
  Result decode(byte[] body) {
    List<PlatformEvent> events = new ArrayList<>();
    Counts counts = decode(body, events::add);
    return new Result(events, counts.skippedElements(), counts.error());
  }

  /**
   * Hands each event to {@code each} as soon as it is read, in delivery order. A delivery holds up
   * to the subscription's maxItems (10,000 at most) events; routing them as they are read keeps one
   * event in memory at a time instead of the whole delivery, so they die young.
   */
  Counts decode(byte[] body, Consumer<PlatformEvent> each) {
    int events = 0;
    int skipped = 0;
    try (JsonParser parser = Json.FACTORY.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        return new Counts(0, 0, "the body is not a JSON array");
      }
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        PlatformEvent event = toEvent(Json.readValue(parser));
        if (event == null) {
          skipped++;
        } else {
          events++;
          each.accept(event);
        }
      }
      if (parser.nextToken() != null) {
        return new Counts(events, skipped, "trailing content after the JSON array");
      }
      return new Counts(events, skipped, null);
    } catch (IOException | RuntimeException e) {
      // Jackson reports a truncated body, bad syntax or a limit (nesting, string length) here.
      return new Counts(events, skipped, e.getClass().getSimpleName());
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
