package dev.telemetryrouter.locallambda;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jspecify.annotations.Nullable;

/**
 * Writes the emulator's log records for the command line: one line each, {@code [local-lambda]
 * <time> <LEVEL> <Class>: <message>}. A warning that keeps coming back with the same message
 * pattern (a listener that refuses every delivery, say) is shown {@link #REPEATS_SHOWN} times; the
 * rest are counted and summarised in one line at {@link #close()}.
 */
final class CliLogHandler extends Handler {

  static final String PREFIX = "[local-lambda]";

  /** Enough to see that a warning repeats and how its details change, not enough to flood. */
  static final int REPEATS_SHOWN = 3;

  private final PrintStream out;
  private final Map<String, Repeats> repeats = new LinkedHashMap<>();

  private static final class Repeats {
    int seen;
    @Nullable LogRecord lastHidden;
  }

  CliLogHandler(PrintStream out) {
    this.out = out;
    setFormatter(new OneLine());
  }

  @Override
  public synchronized void publish(LogRecord record) {
    if (!isLoggable(record)) {
      return;
    }
    if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
      Repeats seen = repeats.computeIfAbsent(key(record), k -> new Repeats());
      seen.seen++;
      if (seen.seen > REPEATS_SHOWN) {
        seen.lastHidden = record;
        return;
      }
    }
    out.println(getFormatter().format(record));
  }

  private static String key(LogRecord record) {
    return record.getLevel() + " " + record.getLoggerName() + " " + record.getMessage();
  }

  @Override
  public synchronized void flush() {
    out.flush();
  }

  /** Prints one summary line per warning that was held back, then flushes. */
  @Override
  public synchronized void close() {
    for (Repeats seen : repeats.values()) {
      LogRecord last = seen.lastHidden;
      if (last != null) {
        int hidden = seen.seen - REPEATS_SHOWN;
        String line = getFormatter().format(last);
        int body = line.indexOf(": ") + 2;
        out.println(
            line.substring(0, body)
                + hidden
                + " more like this were not shown; the last: "
                + line.substring(body));
      }
    }
    repeats.clear();
    out.flush();
  }

  /** The one-line format; levels are named as System.Logger names them. */
  static final class OneLine extends Formatter {
    @Override
    public String format(LogRecord record) {
      String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
      StringBuilder line =
          new StringBuilder(PREFIX)
              .append(' ')
              .append(TelemetryEvent.formatTime(record.getInstant()))
              .append(' ')
              .append(levelName(record.getLevel()))
              .append(' ')
              .append(logger.substring(logger.lastIndexOf('.') + 1))
              .append(": ")
              .append(formatMessage(record));
      if (record.getThrown() != null) {
        line.append(": ").append(record.getThrown());
      }
      return line.toString().replace('\n', ' ');
    }

    private static String levelName(Level level) {
      int value = level.intValue();
      if (value >= Level.SEVERE.intValue()) {
        return "ERROR";
      }
      if (value >= Level.WARNING.intValue()) {
        return "WARN";
      }
      return value >= Level.INFO.intValue() ? "INFO" : "DEBUG";
    }
  }
}
