package dev.telemetryrouter.core.log;

import java.lang.System.Logger.Level;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The shape of the extension's log lines and the threshold that decides which are written. */
public final class RouterLog {

  /**
   * Starts every line the extension writes. The intake recognises the extension's own lines by it
   * when Lambda hands them back through the Telemetry API, so they are never routed in a loop.
   */
  public static final String PREFIX = "[telemetry-router]";

  /** Environment variable naming the least severe level written: TRACE ... ERROR, or OFF. */
  public static final String LEVEL_VARIABLE = "TELEMETRY_ROUTER_LOG_LEVEL";

  /** The level used when {@link #LEVEL_VARIABLE} is unset or not a level name. */
  public static final Level DEFAULT_LEVEL = Level.INFO;

  /**
   * Environment variable naming the least severe level written by loggers that are not ours: the
   * JDK's own ({@code jdk.}, {@code sun.}, {@code java.}, {@code javax.}, {@code com.sun.}) and any
   * library's. When unset they write {@link Level#WARNING} and above, whatever {@link
   * #LEVEL_VARIABLE} says: at DEBUG a logger that writes lines for every request (the JDK's HTTP
   * server did, when the intake used it) sends them back as the next delivery, which would keep the
   * extension busy forever.
   */
  public static final String OTHERS_LEVEL_VARIABLE = "TELEMETRY_ROUTER_LOG_LEVEL_JDK";

  /** Loggers named in this package tree follow {@link #LEVEL_VARIABLE}; all others do not. */
  public static final String OWN_LOGGERS = "dev.telemetryrouter";

  private RouterLog() {}

  /** Whether {@code text} is a line this extension wrote. */
  public static boolean isOwnLine(String text) {
    return text.startsWith(PREFIX);
  }

  /**
   * The threshold named by {@code value} (case does not matter, {@code WARN} means {@code
   * WARNING}); {@link #DEFAULT_LEVEL} when it is null, blank or unknown.
   */
  public static Level parseLevel(@Nullable String value) {
    return parseLevel(value, DEFAULT_LEVEL);
  }

  /**
   * The threshold for loggers that are not ours: {@code value} when it names a level, else {@link
   * Level#WARNING}, or {@code ownLevel} when that is stricter.
   */
  public static Level othersLevel(@Nullable String value, Level ownLevel) {
    Level fallback =
        ownLevel.getSeverity() > Level.WARNING.getSeverity() ? ownLevel : Level.WARNING;
    return parseLevel(value, fallback);
  }

  /** Whether {@code loggerName} belongs to the extension (and so follows its level). */
  public static boolean isOwnLogger(String loggerName) {
    return loggerName.startsWith(OWN_LOGGERS)
        && (loggerName.length() == OWN_LOGGERS.length()
            || loggerName.charAt(OWN_LOGGERS.length()) == '.');
  }

  private static Level parseLevel(@Nullable String value, Level fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    String name = value.strip().toUpperCase(Locale.ROOT);
    if (name.equals("WARN")) {
      return Level.WARNING;
    }
    for (Level level : Level.values()) {
      if (level.getName().equals(name)) {
        return level;
      }
    }
    return fallback;
  }

  /**
   * The logger name without its package: {@code dev.telemetryrouter.core.engine.Router} → Router.
   */
  public static String shortName(String loggerName) {
    int dot = loggerName.lastIndexOf('.');
    return dot < 0 ? loggerName : loggerName.substring(dot + 1);
  }
}
