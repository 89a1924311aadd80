package dev.telemetryrouter.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.BooleanSupplier;

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
    waitSlice(until);
  }

  /**
   * Checks {@code done} inside the monitor that {@link #wake()} notifies on, so a flush waiting for
   * its sinks sees the last one finish at once rather than a slice later.
   */
  @Override
  public synchronized void waitUntil(Instant until, BooleanSupplier done) {
    while (!done.getAsBoolean() && waitSlice(until)) {
      // Woken, or a slice passed: look at the condition again.
    }
  }

  /** Waits one slice at most; false when {@code until} has come or the thread was interrupted. */
  private boolean waitSlice(Instant until) {
    long millis = Duration.between(clock.instant(), until).toMillis();
    if (millis <= 0) {
      return false;
    }
    try {
      wait(Math.min(millis, SLICE_MILLIS));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public synchronized void wake() {
    notifyAll();
  }
}
