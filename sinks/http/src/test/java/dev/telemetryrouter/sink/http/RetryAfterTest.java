package dev.telemetryrouter.sink.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.sink.testkit.FakeClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private final FakeClock clock = new FakeClock(Instant.parse("2026-10-21T07:27:30Z"));

  @Test
  void parse_seconds_isThatManySeconds() {
    assertThat(RetryAfter.parse(" 120 ", clock)).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void parse_httpDate_isTheTimeUntilThenByTheClock() {
    assertThat(RetryAfter.parse("Wed, 21 Oct 2026 07:28:00 GMT", clock))
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void parse_dateInThePast_isZero() {
    assertThat(RetryAfter.parse("Wed, 21 Oct 2026 07:00:00 GMT", clock)).isEqualTo(Duration.ZERO);
  }

  @Test
  void parse_garbageOrAbsentOrHuge_isNull() {
    assertThat(RetryAfter.parse("soon", clock)).isNull();
    assertThat(RetryAfter.parse(null, clock)).isNull();
    assertThat(RetryAfter.parse("99999999999999999999", clock)).isNull();
  }
}
