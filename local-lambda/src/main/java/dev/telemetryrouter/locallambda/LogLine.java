package dev.telemetryrouter.locallambda;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders one line of function or extension output the way Lambda delivers it (Lambda Telemetry API
 * Event schema reference,
 * https://docs.aws.amazon.com/lambda/latest/dg/telemetry-schema-reference.html): in text format the
 * line with its trailing newline; in JSON format an object for Telemetry API schema 2022-12-13 and
 * later (a JSON line parsed as is, another line wrapped as {timestamp, level, message}), and that
 * object's JSON text for older schemas and the Logs API.
 */
record LogLine(String line, LogFormat format, Instant time) implements TelemetryEvent.Renderer {

  @Override
  public Object render(Dialect dialect) {
    if (format == LogFormat.TEXT) {
      return line + "\n";
    }
    Map<String, Object> parsed = Json.parseObjectOrNull(line);
    if (dialect.jsonLinesAsObjects()) {
      return parsed != null ? parsed : wrapped();
    }
    return parsed != null ? line : Json.write(wrapped());
  }

  private Map<String, Object> wrapped() {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("timestamp", TelemetryEvent.formatTime(time));
    object.put("level", "INFO");
    object.put("message", line);
    return object;
  }
}
