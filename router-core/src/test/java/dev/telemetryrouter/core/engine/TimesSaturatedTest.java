package dev.telemetryrouter.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimesSaturatedTest {

  @Test
  void timesSaturated_ofMillisecondDurations_equalsMultipliedBy() {
    SplittableRandom random = new SplittableRandom(9);

    for (int i = 0; i < 10_000; i++) {
      Duration backoff = Duration.ofMillis(random.nextLong(0, 3_600_000));
      int attempts = random.nextInt(0, 1_000);

      assertThat(SinkFlow.timesSaturated(backoff, attempts))
          .isEqualTo(backoff.multipliedBy(attempts));
    }
  }

  @Test
  void timesSaturated_pastTheLongRange_staysAtTheLargestMillisecondCount() {
    Duration huge = Duration.ofMillis(Long.MAX_VALUE / 2);

    assertThat(SinkFlow.timesSaturated(huge, 3)).isEqualTo(Duration.ofMillis(Long.MAX_VALUE));
    assertThat(SinkFlow.timesSaturated(Duration.ofSeconds(Long.MAX_VALUE), 2))
        .isEqualTo(Duration.ofMillis(Long.MAX_VALUE));
  }
}
