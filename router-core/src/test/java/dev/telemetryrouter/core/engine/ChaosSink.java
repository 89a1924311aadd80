package dev.telemetryrouter.core.engine;

import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.RetryableSinkException;
import dev.telemetryrouter.spi.sink.SendResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A destination that fails in every way the sink contract allows, at random but seeded. */
final class ChaosSink implements FakeSink.Behaviour {

  private final SplittableRandom random;
  private final FakeClock clock;

  ChaosSink(long seed, FakeClock clock) {
    this.random = new SplittableRandom(seed);
    this.clock = clock;
  }

  @Override
  public SendResult send(
      dev.telemetryrouter.spi.sink.SinkBatch batch, dev.telemetryrouter.spi.sink.SendContext ctx)
      throws Exception {
    clock.advance(Duration.ofMillis(random.nextInt(50)));
    int roll = random.nextInt(100);
    if (roll < 5) {
      throw new RetryableSinkException("HTTP 503", Duration.ofMillis(random.nextInt(500)), null);
    }
    if (roll < 8) {
      throw new IllegalStateException("HTTP 403");
    }
    if (roll < 11 && batch.size() > 1) {
      return SendResult.tooLarge("HTTP 413");
    }

    List<RecordOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      int pick = random.nextInt(100);
      outcomes.add(
          pick < 65
              ? RecordOutcome.DELIVERED
              : pick < 90 ? RecordOutcome.retryable("throttled") : RecordOutcome.rejected("400"));
    }
    return SendResult.of(outcomes);
  }
}
