package dev.telemetryrouter.core.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {

  /** 1970 to 2100, where Lambda's timestamps live. */
  private static final long LATEST_SECOND = 4_102_444_800L;

  @Test
  void parse_ofLambdaTimestampsWithEveryFractionLength_readsWhatInstantParseReads() {
    SplittableRandom random = new SplittableRandom(20261204);

    for (int i = 0; i < 20_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextLong(LATEST_SECOND));
      String text = withFraction(instant.toString(), random.nextInt(10), random);

      assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
    }
  }

  @Test
  void format_ofAWholeSecond_keepsTheMilliseconds() {
    Instant instant = Instant.parse("2025-01-01T00:00:01Z");

    assertThat(IsoInstants.format(instant)).isEqualTo("2025-01-01T00:00:01.000Z");
  }

  @Test
  void format_ofInstantsWithAFraction_writesWhatInstantToStringWrites() {
    SplittableRandom random = new SplittableRandom(4);
    // Whole seconds are the one place the text differs: see format_ofAWholeSecond_...
    int[] steps = {1_000_000, 1_000, 1};

    for (int i = 0; i < 20_000; i++) {
      int step = steps[random.nextInt(steps.length)];
      long second = random.nextLong(-62_167_219_200L, 253_402_300_800L);
      Instant instant =
          Instant.ofEpochSecond(second, (1 + random.nextInt(999_999_999)) / step * step);
      if (instant.getNano() == 0) {
        continue;
      }

      assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
    }
  }

  @ParameterizedTest
  @ValueSource(
      longs = {-1_000_000_000_000L, -62_167_219_201L, 253_402_300_800L, 1_000_000_000_000L})
  void format_ofYearsOutsideFourDigits_fallsBackToInstantToString(long second) {
    Instant instant = Instant.ofEpochSecond(second, 5);

    assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-02-29T23:59:59.999999999Z",
        "2025-01-01T00:00:00Z",
        "2025-06-30T23:59:60Z",
        "2025-01-01T10:00:00+02:00",
        "2025-01-01T00:00:00.Z",
        "0000-01-01T00:00:00Z",
        "+10000-01-01T00:00:00Z"
      })
  void parse_ofEdgeShapes_agreesWithInstantParse(String text) {
    assertThat(IsoInstants.parse(text)).isEqualTo(Instant.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-02-30T00:00:00Z",
        "2025-13-01T00:00:00Z",
        "2025-01-01T25:00:00Z",
        "2025-01-01T00:00:00.1234567890Z",
        "2025-01-01 00:00:00Z",
        "2025-01-01T00:00:00",
        "not a time at all"
      })
  void parse_ofInvalidText_throwsAsInstantParseDoes(String text) {
    assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);

    assertThatThrownBy(() -> IsoInstants.parse(text)).isInstanceOf(DateTimeParseException.class);
  }

  /** Replaces the fraction of an Instant.toString text with {@code digits} random digits. */
  private static String withFraction(String whole, int digits, SplittableRandom random) {
    StringBuilder text = new StringBuilder(whole.substring(0, 19));
    if (digits > 0) {
      text.append('.');
      for (int i = 0; i < digits; i++) {
        text.append((char) ('0' + random.nextInt(10)));
      }
    }
    return text.append('Z').toString();
  }
}
