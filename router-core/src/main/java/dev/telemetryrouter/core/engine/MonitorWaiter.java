package dev.telemetryrouter.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A {@link Waiter} on a monitor: {@link #wake()} notifies every thread waiting on it. */
final class MonitorWaiter implements Waiter {

  /**
   * The longest single wait. A wake that lands between a caller's check and its wait is missed;
   * this bounds the delay it can cause, at a cost of one spurious wake-up per slice.
   */
  private static final long SLICE_MILLIS = 50;

  private final InstantSource clock;

  MonitorWaiter(InstantSource clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void waitUntil(Instant until) {
    long millis = Duration.between(clock.instant(), until).toMillis();
    if (millis <= 0) {
      return;
    }
    try {
      wait(Math.min(millis, SLICE_MILLIS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void wake() {
    notifyAll();
  }
}
