package dev.telemetryrouter.core.stage;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The order of log levels, with the spellings runtimes use: TRACE < DEBUG < INFO < WARN (WARNING) <
 * ERROR < FATAL (CRITICAL). Compared without regard to case.
 */
final class Levels {

  static final String NAMES = "TRACE, DEBUG, INFO, WARN, ERROR, FATAL";

  private static final Map<String, Integer> RANK =
      Map.of(
          "TRACE", 0,
          "DEBUG", 1,
          "INFO", 2,
          "WARN", 3,
          "WARNING", 3,
          "ERROR", 4,
          "FATAL", 5,
          "CRITICAL", 5);

  private Levels() {}

  /** The rank of {@code level}, or -1 when it is unknown or absent. */
  static int rank(@Nullable String level) {
    return level == null ? -1 : RANK.getOrDefault(level.strip().toUpperCase(Locale.ROOT), -1);
  }
}
