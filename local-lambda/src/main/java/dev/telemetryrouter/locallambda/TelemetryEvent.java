package dev.telemetryrouter.locallambda;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One event as the platform produced it. Its {@code record} is rendered per subscriber, because the
 * shape depends on the API and schema version; a renderer answering null means "not sent to that
 * subscriber".
 */
record TelemetryEvent(Instant time, String type, Renderer renderer) {

  /**
   * Lambda writes {@code time} as ISO-8601 UTC with milliseconds (Lambda Telemetry API,
   * https://docs.aws.amazon.com/lambda/latest/dg/telemetry-api.html).
   */
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** Renders the record for one dialect, or null to skip the subscriber. */
  @FunctionalInterface
  interface Renderer {
    @Nullable Object render(Dialect dialect);
  }

  /** An event whose record is the same for every subscriber. */
  static TelemetryEvent fixed(Instant time, String type, Object record) {
    return new TelemetryEvent(time, type, dialect -> record);
  }

  /**
   * An event that only Telemetry API subscribers receive: the init events, which the Lambda Logs
   * API page does not list among its messages
   * (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-logs-api.html).
   */
  static TelemetryEvent telemetryOnly(Instant time, String type, Object record) {
    return new TelemetryEvent(
        time, type, dialect -> dialect.api() == Dialect.Api.TELEMETRY ? record : null);
  }

  static String formatTime(Instant time) {
    return TIME.format(time);
  }

  /** The full event object for a subscriber ({time, type, record}), or null when skipped. */
  @Nullable Map<String, Object> toJson(Dialect dialect) {
    Object record = renderer.render(dialect);
    if (record == null) {
      return null;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("time", formatTime(time));
    json.put("type", type);
    json.put("record", record);
    return json;
  }

  /**
   * The subscription type ({@code platform}, {@code function}, {@code extension}) it belongs to.
   */
  String category() {
    return type.startsWith("platform.") ? "platform" : type;
  }
}
