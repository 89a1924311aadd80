package dev.telemetryrouter.core.lambda;

import dev.telemetryrouter.core.log.RouterLog;
import dev.telemetryrouter.spi.TelemetryRecord;

/**
 * Recognises the extension's own log lines when the {@code extension} stream brings them back
 * (subscribing to {@code extension} returns the extension's own stdout and stderr: Lambda Telemetry
 * API, https://docs.aws.amazon.com/lambda/latest/dg/telemetry-api.html). Routing them would feed
 * every log line about a batch into the next batch.
 *
 * <p>Every line the extension's logger writes starts with {@link RouterLog#PREFIX}; a sink that
 * writes to stdout marks its lines with {@value #SINK_PREFIX}, such as {@code
 * [telemetry-router:stdout]}. The lines of a stack trace after an own line (indented, or {@code
 * Caused by:}) are own lines too.
 *
 * <p>Used by the single intake thread; not thread-safe.
 */
final class OwnLines {

  static final String SINK_PREFIX = "[telemetry-router:";

  private boolean previousWasOwn;

  boolean isOwn(TelemetryRecord record) {
    if (!record.type().equals("extension")) {
      return false;
    }
    String text = text(record);
    boolean own = startsWithPrefix(text) || (previousWasOwn && continues(text));
    previousWasOwn = own;
    return own;
  }

  static boolean startsWithPrefix(String text) {
    return RouterLog.isOwnLine(text) || text.startsWith(SINK_PREFIX);
  }

  private static boolean continues(String text) {
    return text.startsWith("\t")
        || text.startsWith(" ")
        || text.startsWith("Caused by: ")
        || text.startsWith("Suppressed: ");
  }

  /** The line as text: a text payload, or the message of a JSON-format line. */
  private static String text(TelemetryRecord record) {
    if (record.payload() instanceof String text) {
      return text;
    }
    String message = record.message();
    return message == null ? "" : message;
  }
}
