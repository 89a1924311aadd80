package dev.telemetryrouter.core.log;

import java.io.PrintStream;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** A {@link System.Logger} that writes prefixed lines to a stream at or above a threshold. */
final class RouterLogger implements System.Logger {

  private final String name;
  private final Level threshold;
  private final Supplier<PrintStream> out;

  RouterLogger(String name, Level threshold, Supplier<PrintStream> out) {
    this.name = name;
    this.threshold = threshold;
    this.out = out;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public boolean isLoggable(Level level) {
    return level != Level.OFF
        && threshold != Level.OFF
        && level.getSeverity() >= threshold.getSeverity();
  }

  @Override
  public void log(
      Level level, @Nullable ResourceBundle bundle, String msg, @Nullable Throwable thrown) {
    if (isLoggable(level)) {
      write(LogLineFormat.render(level, name, String.valueOf(msg), thrown));
    }
  }

  @Override
  public void log(
      Level level, @Nullable ResourceBundle bundle, String format, @Nullable Object... params) {
    if (isLoggable(level)) {
      // Style: the throwable goes last among the placeholders' values, in the same call.
      Throwable thrown =
          params != null && params.length > 0 && params[params.length - 1] instanceof Throwable t
              ? t
              : null;
      String message = LogLineFormat.format(String.valueOf(format), params);
      write(LogLineFormat.render(level, name, message, thrown));
    }
  }

  private void write(String lines) {
    // One print per message, so lines from several threads never interleave mid-message.
    PrintStream stream = out.get();
    synchronized (stream) {
      stream.print(lines);
      stream.flush();
    }
  }
}
