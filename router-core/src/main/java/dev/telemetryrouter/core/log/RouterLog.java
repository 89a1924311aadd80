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
    if (value == null || value.isBlank()) {
      return DEFAULT_LEVEL;
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
    return DEFAULT_LEVEL;
  }

  /**
   * The logger name without its package: {@code dev.telemetryrouter.core.engine.Router} → Router.
   */
  public static String shortName(String loggerName) {
    int dot = loggerName.lastIndexOf('.');
    return dot < 0 ? loggerName : loggerName.substring(dot + 1);
  }
}
