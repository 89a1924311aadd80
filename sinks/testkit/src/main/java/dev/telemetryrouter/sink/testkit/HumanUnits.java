package dev.telemetryrouter.sink.testkit;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses sizes ({@code 512}, {@code 256KB}, {@code 4MiB}) and durations ({@code 250ms}, {@code 2s},
 * {@code 5m}, {@code 1h}) as the {@code ConfigSection} contract of router-spi spells them: KB =
 * 1,000 bytes, KiB = 1,024 bytes.
 */
final class HumanUnits {

  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([A-Za-z]*)");
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

  private HumanUnits() {}

  /** The size in bytes, or empty when the text is not a size or overflows a long. */
  static OptionalLong bytes(String text) {
    Matcher matcher = SIZE.matcher(text.strip());
    if (!matcher.matches()) {
      return OptionalLong.empty();
    }
    long factor =
        switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
          case "", "b" -> 1L;
          case "kb" -> 1_000L;
          case "kib" -> 1L << 10;
          case "mb" -> 1_000_000L;
          case "mib" -> 1L << 20;
          case "gb" -> 1_000_000_000L;
          case "gib" -> 1L << 30;
          default -> -1L;
        };
    if (factor < 0) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Math.multiplyExact(Long.parseLong(matcher.group(1)), factor));
    } catch (ArithmeticException | NumberFormatException overflow) {
      return OptionalLong.empty();
    }
  }

  /** The duration, or {@code null} when the text is not one; a bare number has no unit. */
  static @Nullable Duration duration(String text) {
    Matcher matcher = DURATION.matcher(text.strip());
    if (!matcher.matches()) {
      return null;
    }
    long amount;
    try {
      amount = Long.parseLong(matcher.group(1));
    } catch (NumberFormatException overflow) {
      return null;
    }
    try {
      return switch (matcher.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    } catch (ArithmeticException overflow) {
      return null;
    }
  }
}
