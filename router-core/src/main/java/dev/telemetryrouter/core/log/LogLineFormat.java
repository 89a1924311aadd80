package dev.telemetryrouter.core.log;

import java.lang.System.Logger.Level;
import java.text.MessageFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Renders one message as lines that each start with {@link RouterLog#PREFIX}: the first holds the
 * level, the short logger name and the message; a throwable follows compactly, a few frames per
 * cause.
 */
final class LogLineFormat {

  /** Frames shown per throwable: enough to find the call site, short enough for a log stream. */
  private static final int FRAMES_PER_THROWABLE = 4;

  /** Causes shown at most, so a cyclic or very deep chain still prints in bounded space. */
  private static final int MAX_CAUSES = 4;

  private LogLineFormat() {}

  static String render(Level level, String loggerName, String message, @Nullable Throwable thrown) {
    StringBuilder out = new StringBuilder(128);
    String head = RouterLog.PREFIX + " " + level.getName() + " " + RouterLog.shortName(loggerName);
    appendLines(out, head + " ", message);

    Throwable current = thrown;
    for (int depth = 0; current != null && depth < MAX_CAUSES; depth++) {
      String intro = depth == 0 ? "  " : "  caused by: ";
      appendLines(out, RouterLog.PREFIX + intro, current.toString());
      StackTraceElement[] frames = current.getStackTrace();
      for (int i = 0; i < Math.min(FRAMES_PER_THROWABLE, frames.length); i++) {
        out.append(RouterLog.PREFIX).append("    at ").append(frames[i]).append('\n');
      }
      if (frames.length > FRAMES_PER_THROWABLE) {
        out.append(RouterLog.PREFIX).append("    ... ");
        out.append(frames.length - FRAMES_PER_THROWABLE).append(" more\n");
      }
      current = current.getCause() == current ? null : current.getCause();
    }
    return out.toString();
  }

  /**
   * Applies MessageFormat placeholders. Whole numbers are passed as plain text so that counts read
   * {@code 1234}, not a locale's {@code 1,234}; a pattern that does not parse is shown as it is.
   */
  static String format(String pattern, @Nullable Object @Nullable ... params) {
    if (params == null || params.length == 0) {
      return pattern;
    }
    Object[] args = new Object[params.length];
    for (int i = 0; i < params.length; i++) {
      Object param = params[i];
      args[i] = param instanceof Integer || param instanceof Long ? param.toString() : param;
    }
    try {
      return new MessageFormat(pattern, Locale.ROOT).format(args);
    } catch (IllegalArgumentException e) {
      try {
        return new MessageFormat(pattern, Locale.ROOT).format(params);
      } catch (IllegalArgumentException again) {
        return pattern;
      }
    }
  }

  private static void appendLines(StringBuilder out, String firstPrefix, String text) {
    String[] lines = text.split("\r?\n|\r", -1);
    out.append(firstPrefix).append(lines[0]).append('\n');
    for (int i = 1; i < lines.length; i++) {
      out.append(RouterLog.PREFIX).append("  | ").append(lines[i]).append('\n');
    }
  }
}
