package dev.telemetryrouter.spi.sink;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The circumstances of one {@link Sink#send}.
 *
 * @param deadline when the engine stops waiting for this send (the invocation's flush budget or the
 *     shutdown window); bound every timeout by it
 * @param attempt 0 for a batch's first send, then 1, 2, ... for its retries
 * @param clock the engine's clock, to compute what is left of the deadline
 */
public record SendContext(Instant deadline, int attempt, InstantSource clock) {

  /** What is left until the deadline, never negative. */
  public Duration remaining() {
    Duration left = Duration.between(clock.instant(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }
}
