package dev.telemetryrouter.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final RetryPolicy policy =
      new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1_000));

  @Test
  void before_withoutRetryAfter_staysWithinTheDoublingCapAndUsesItsWholeRange() {
    Backoff backoff = new Backoff(policy, new SplittableRandom(42));
    long[] caps = {100, 200, 400, 800, 1_000, 1_000};

    for (int retry = 1; retry <= caps.length; retry++) {
      long max = 0;
      long min = Long.MAX_VALUE;
      for (int i = 0; i < 2_000; i++) {
        long millis = backoff.before(retry, null).toMillis();
        max = Math.max(max, millis);
        min = Math.min(min, millis);
      }

      assertThat(max).isLessThanOrEqualTo(caps[retry - 1]).isGreaterThan(caps[retry - 1] * 9 / 10);
      assertThat(min).isLessThan(caps[retry - 1] / 10);
    }
  }

  @Test
  void before_withRetryAfter_usesItCappedByMaxBackoff() {
    Backoff backoff = new Backoff(policy, new SplittableRandom(1));

    Duration asked = backoff.before(1, Duration.ofMillis(700));
    Duration capped = backoff.before(1, Duration.ofSeconds(30));
    Duration negative = backoff.before(1, Duration.ofSeconds(-1));

    assertThat(asked).isEqualTo(Duration.ofMillis(700));
    assertThat(capped).isEqualTo(Duration.ofSeconds(1));
    assertThat(negative).isEqualTo(Duration.ZERO);
  }

  @Test
  void before_whenRetriesAreMany_doesNotOverflow() {
    Backoff backoff = new Backoff(policy, new SplittableRandom(3));

    Duration late = backoff.before(500, null);

    assertThat(late).isBetween(Duration.ZERO, Duration.ofSeconds(1));
  }
}
