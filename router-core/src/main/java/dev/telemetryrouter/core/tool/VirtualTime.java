package dev.telemetryrouter.core.tool;

import dev.telemetryrouter.core.engine.Waiter;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The dry run's clock: it moves forward with the events' own times, and a wait (a retry backoff, a
 * blocked buffer) jumps it to the end of the wait instead of sleeping. The run is thereby the same
 * on every machine and takes no wall-clock time. Used by one thread.
 */
final class VirtualTime implements InstantSource, Waiter {

  private Instant now;

  VirtualTime(Instant start) {
    this.now = start;
  }

  @Override
  public Instant instant() {
    return now;
  }

  /** Moves to {@code time} when it is later; time never goes back. */
  void advanceTo(Instant time) {
    if (time.isAfter(now)) {
      now = time;
    }
  }

  @Override
  public void waitUntil(Instant until) {
    advanceTo(until);
  }

  @Override
  public void wake() {}
}
