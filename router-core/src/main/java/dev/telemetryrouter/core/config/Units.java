package dev.telemetryrouter.core.config;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Human units in {@code routing.yaml}. Sizes: a whole number of bytes with an optional unit, {@code
 * B}, {@code KB}/{@code MB}/{@code GB} (powers of 1,000) or {@code KiB}/{@code MiB}/{@code GiB}
 * (powers of 1,024), such as {@code 512}, {@code 256KB}, {@code 4MiB}. Durations: a whole number
 * with {@code ms}, {@code s}, {@code m} or {@code h}, such as {@code 250ms}, {@code 2s}, {@code
 * 5m}; a bare {@code 0} is zero.
 */
public final class Units {

  private static final Pattern SIZE = Pattern.compile("(\\d{1,19})\\s*([KMG]i?B|B)?");
  private static final Pattern DURATION = Pattern.compile("(\\d{1,19})\\s*(ms|s|m|h)");

  private static final long KIB = 1024;
  private static final long MIB = KIB * 1024;

  private Units() {}

  /** Parses a size in bytes, or returns empty when the text is not one (or overflows). */
  public static OptionalLong parseBytes(String text) {
    Matcher matcher = SIZE.matcher(text.strip());
    if (!matcher.matches()) {
      return OptionalLong.empty();
    }
    String unit = matcher.group(2) == null ? "B" : matcher.group(2);
    long multiplier =
        switch (unit) {
          case "KB" -> 1_000L;
          case "MB" -> 1_000_000L;
          case "GB" -> 1_000_000_000L;
          case "KiB" -> KIB;
          case "MiB" -> MIB;
          case "GiB" -> MIB * 1024;
          default -> 1L;
        };
    try {
      return OptionalLong.of(Math.multiplyExact(Long.parseLong(matcher.group(1)), multiplier));
    } catch (ArithmeticException | NumberFormatException overflow) {
      return OptionalLong.empty();
    }
  }

  /** Parses a duration, or returns empty when the text is not one. */
  public static Optional<Duration> parseDuration(String text) {
    String stripped = text.strip();
    if (stripped.equals("0")) {
      return Optional.of(Duration.ZERO);
    }
    Matcher matcher = DURATION.matcher(stripped);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    try {
      long amount = Long.parseLong(matcher.group(1));
      return Optional.of(
          switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
          });
    } catch (ArithmeticException | NumberFormatException overflow) {
      return Optional.empty();
    }
  }

  /** A size as a person writes it: {@code 4MiB}, {@code 256KiB}, or plain bytes. */
  public static String formatBytes(long bytes) {
    if (bytes >= MIB && bytes % MIB == 0) {
      return bytes / MIB + "MiB";
    }
    if (bytes >= KIB && bytes % KIB == 0) {
      return bytes / KIB + "KiB";
    }
    // Not String.format: its first use loads the locale data behind DecimalFormatSymbols, which
    // cost Init several milliseconds for a message that is only shown on a config error.
    return bytes + " bytes";
  }

  /** A duration as a person writes it: {@code 250ms}, {@code 2s}, {@code 5m}, {@code 1h}. */
  public static String formatDuration(Duration duration) {
    long millis = duration.toMillis();
    if (millis != 0 && millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis != 0 && millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    if (millis != 0 && millis % 1_000 == 0) {
      return millis / 1_000 + "s";
    }
    return millis + "ms";
  }
}
