package dev.telemetryrouter.core.lambda;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The request id, level and message that can be read off one function or extension log line.
 *
 * <p>Text lines: the Node runtime writes {@code TIMESTAMP\tREQUEST_ID\tLEVEL\tMESSAGE}, the Python
 * runtime {@code [LEVEL]\tTIMESTAMP\tREQUEST_ID\tMESSAGE}; raw stdout has no prefix and is the
 * message as a whole; a line that is a JSON object (JSON log format on schema 2022-07-01, or code
 * that prints JSON) is read like a JSON record (Lambda Telemetry API Event schema reference,
 * https://docs.aws.amazon.com/lambda/latest/dg/telemetry-schema-reference.html). JSON records:
 * {@code level}, {@code message} and {@code requestId} when present.
 *
 * @param requestId the request id the line names, or {@code null}
 * @param level the level in upper case, or {@code null}
 * @param message the message, or {@code null}
 */
record LogLine(@Nullable String requestId, @Nullable String level, @Nullable String message) {

  private static final Set<String> LEVELS =
      Set.of("TRACE", "DEBUG", "INFO", "WARN", "WARNING", "ERROR", "FATAL", "CRITICAL");

  private static final Pattern REQUEST_ID =
      Pattern.compile("[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-" + "[0-9A-Fa-f]{12}");

  private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\S+");

  /** Lines longer than this are not tried as JSON: the derived fields are not worth the parse. */
  private static final int MAX_JSON_LINE = 64 * 1024;

  static LogLine ofText(String line) {
    String[] parts = line.split("\t", 4);
    if (parts.length == 4 && TIMESTAMP.matcher(parts[0]).matches()) {
      String level = level(parts[2]);
      if (level != null) {
        return new LogLine(requestId(parts[1]), level, parts[3]);
      }
    }
    if (parts.length == 4 && parts[0].startsWith("[") && parts[0].endsWith("]")) {
      String level = level(parts[0].substring(1, parts[0].length() - 1));
      if (level != null && TIMESTAMP.matcher(parts[1]).matches()) {
        return new LogLine(requestId(parts[2]), level, parts[3]);
      }
    }
    LogLine json = jsonLine(line);
    return json != null ? json : new LogLine(null, null, line);
  }

  static LogLine ofObject(Map<String, @Nullable Object> object) {
    String level = object.get("level") instanceof String text ? level(text) : null;
    String message = object.get("message") instanceof String text ? text : null;
    String requestId = object.get("requestId") instanceof String text ? text : null;
    return new LogLine(requestId, level, message);
  }

  @SuppressWarnings("unchecked")
  private static @Nullable LogLine jsonLine(String line) {
    String trimmed = line.strip();
    if (trimmed.length() > MAX_JSON_LINE || !trimmed.startsWith("{") || !trimmed.endsWith("}")) {
      return null;
    }
    try {
      Object value = Json.parse(trimmed);
      if (value instanceof Map<?, ?> map) {
        LogLine fromJson = ofObject((Map<String, @Nullable Object>) map);
        return new LogLine(fromJson.requestId, fromJson.level, fromJson.message);
      }
    } catch (IOException | RuntimeException e) {
      // Not JSON after all: the line is plain text.
    }
    return null;
  }

  private static @Nullable String level(String text) {
    String upper = text.strip().toUpperCase(Locale.ROOT);
    return LEVELS.contains(upper) ? upper : null;
  }

  private static @Nullable String requestId(String text) {
    return REQUEST_ID.matcher(text).matches() ? text : null;
  }
}
