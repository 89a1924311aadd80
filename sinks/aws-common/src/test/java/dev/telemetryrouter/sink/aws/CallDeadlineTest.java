package dev.telemetryrouter.sink.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telemetryrouter.spi.sink.RetryableSinkException;
import dev.telemetryrouter.spi.sink.SendContext;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class CallDeadlineTest {

  private static final Instant NOW = Instant.parse("2026-12-04T10:15:30Z");
  private static final InstantSource CLOCK = InstantSource.fixed(NOW);

  @Test
  void forSend_timeLeft_boundsTheWholeCall() throws Exception {
    SendContext context = new SendContext(NOW.plusMillis(1800), 0, CLOCK);

    var override = CallDeadline.forSend(context);

    assertThat(override.apiCallTimeout()).contains(Duration.ofMillis(1800));
  }

  @Test
  void forSend_deadlinePassed_failsRetryableWithoutCalling() {
    SendContext context = new SendContext(NOW.minusMillis(5), 2, CLOCK);

    assertThatThrownBy(() -> CallDeadline.forSend(context))
        .isInstanceOf(RetryableSinkException.class)
        .hasMessageContaining("deadline");
  }
}
