package dev.telemetryrouter.core.encode;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * ISO-8601 UTC timestamps, the shape every Telemetry API event carries in its {@code time} field
 * ({@code 2025-01-01T00:00:00.000Z}), read and written without {@code DateTimeFormatter}: on the
 * record path of the start-up harness, {@link Instant#parse} took about a quarter of the intake's
 * CPU. Anything else (an offset, a leap second, a year past 9999) goes to the JDK, so reading gives
 * what {@link Instant#parse} gives.
 *
 * <p>Writing always shows at least milliseconds, as Lambda does, where {@link Instant#toString}
 * drops a zero fraction: {@code 00:00:01Z} next to {@code 00:00:00.999Z} would sort before it as
 * text, and downstream stores often sort and compare timestamps as text.
 */
public final class IsoInstants {

  private static final int SECONDS_PER_DAY = 86_400;

  private static final int[] POWERS_OF_TEN = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000
  };

  private IsoInstants() {}

  /**
   * The instant {@code text} names, as {@link Instant#parse} reads it.
   *
   * @throws DateTimeParseException when {@link Instant#parse} would
   */
  public static Instant parse(String text) {
    Instant fast = parseUtc(text);
    return fast != null ? fast : Instant.parse(text);
  }

  /**
   * The text of {@link Instant#toString}, except that a whole second still gets {@code .000}; years
   * outside 0000 to 9999 are left to {@link Instant#toString}.
   */
  public static String format(Instant instant) {
    long seconds = instant.getEpochSecond();
    long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
    int secondOfDay = Math.floorMod(seconds, SECONDS_PER_DAY);
    LocalDate date;
    try {
      date = LocalDate.ofEpochDay(day);
    } catch (DateTimeException e) {
      return instant.toString();
    }
    if (date.getYear() < 0 || date.getYear() > 9999) {
      return instant.toString();
    }

    StringBuilder out = new StringBuilder(30);
    pad(out, date.getYear(), 4).append('-');
    pad(out, date.getMonthValue(), 2).append('-');
    pad(out, date.getDayOfMonth(), 2).append('T');
    pad(out, secondOfDay / 3600, 2).append(':');
    pad(out, secondOfDay / 60 % 60, 2).append(':');
    pad(out, secondOfDay % 60, 2);
    appendFraction(out, instant.getNano());
    return out.append('Z').toString();
  }

  /** The nanoseconds in groups of three digits, as Instant.toString prints them; .000 for none. */
  private static void appendFraction(StringBuilder out, int nanos) {
    out.append('.');
    if (nanos % 1_000_000 == 0) {
      pad(out, nanos / 1_000_000, 3);
    } else if (nanos % 1_000 == 0) {
      pad(out, nanos / 1_000, 6);
    } else {
      pad(out, nanos, 9);
    }
  }

  /**
   * {@code value}, which has at most {@code width} digits, zero-padded to {@code width}: written
   * digit by digit, since this runs for every field of every record's time.
   */
  private static StringBuilder pad(StringBuilder out, int value, int width) {
    for (int divisor = POWERS_OF_TEN[width - 1]; divisor > 0; divisor /= 10) {
      out.append((char) ('0' + value / divisor % 10));
    }
    return out;
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with valid fields, or null for anything else. */
  private static @Nullable Instant parseUtc(String text) {
    int length = text.length();
    if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z') {
      return null;
    }
    if (text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int dayOfMonth = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    int nanos = fraction(text, 19, length - 1);
    if (year < 0 || month < 1 || month > 12 || dayOfMonth < 1 || nanos < 0) {
      return null;
    }
    if (hour > 23 || minute > 59 || second > 59 || hour < 0 || minute < 0 || second < 0) {
      return null;
    }
    if (dayOfMonth > LocalDate.of(year, month, 1).lengthOfMonth()) {
      return null;
    }
    long epochDay = LocalDate.of(year, month, dayOfMonth).toEpochDay();
    long seconds = epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
    return Instant.ofEpochSecond(seconds, nanos);
  }

  /** The value of {@code count} ASCII digits at {@code start}, or -1. */
  private static int digits(String text, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** Nanoseconds from {@code .d{1,9}} between start and end, 0 when empty, or -1. */
  private static int fraction(String text, int start, int end) {
    if (start == end) {
      return 0;
    }
    int count = end - start - 1;
    if (text.charAt(start) != '.' || count < 1 || count > 9) {
      return -1;
    }
    int value = digits(text, start + 1, count);
    if (value < 0) {
      return -1;
    }
    for (int i = count; i < 9; i++) {
      value *= 10;
    }
    return value;
  }
}
