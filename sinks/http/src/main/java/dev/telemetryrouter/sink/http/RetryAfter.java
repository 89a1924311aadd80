package dev.telemetryrouter.sink.http;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code Retry-After} header (RFC 9110 section 10.2.3): either a whole number of seconds or
 * an HTTP-date such as {@code Wed, 21 Oct 2026 07:28:00 GMT}. The engine caps the delay by its own
 * maximum and the deadline; this only turns the header into a duration.
 */
final class RetryAfter {

  /** Ten digits of seconds is three centuries: anything longer is noise, not a delay. */
  private static final int MAX_SECONDS_DIGITS = 10;

  private RetryAfter() {}

  /**
   * The delay {@code header} asks for, measured from {@code clock}'s now; zero for a date in the
   * past, {@code null} when the header is absent or unreadable.
   */
  static @Nullable Duration parse(@Nullable String header, InstantSource clock) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.strip();
    if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return value.length() > MAX_SECONDS_DIGITS ? null : Duration.ofSeconds(Long.parseLong(value));
    }

    try {
      // RFC 1123 is the preferred HTTP-date form, the one servers send today.
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration delay = Duration.between(clock.instant(), at);
      return delay.isNegative() ? Duration.ZERO : delay;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
