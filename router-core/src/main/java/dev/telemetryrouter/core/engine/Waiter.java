package dev.telemetryrouter.core.engine;

import java.time.Instant;
import java.time.InstantSource;
import java.util.function.BooleanSupplier;

/**
 * How the engine waits: for a retry's backoff, or for buffer room under the {@code block} overflow
 * policy. Injected so that tests with a fake clock move time forward instead of sleeping.
 *
 * <p>{@link #waitUntil} may return early (after {@link #wake}, or for no reason); callers check
 * their condition and the clock again and wait once more if need be.
 */
public interface Waiter {

  /** Waits until the clock reaches {@code until}, or less. Returns at once when it has. */
  void waitUntil(Instant until);

  /**
   * Waits until {@code done} holds or the clock reaches {@code until}, or less; callers check both
   * again. An implementation that checks {@code done} under the same lock as {@link #wake()} never
   * misses a wake that follows the change of {@code done}.
   */
  default void waitUntil(Instant until, BooleanSupplier done) {
    if (!done.getAsBoolean()) {
      waitUntil(until);
    }
  }

  /** Ends current waits early, so that waiters look at their conditions again. */
  void wake();

  /** A waiter that blocks the calling thread, measuring time with {@code clock}. */
  static Waiter blocking(InstantSource clock) {
    return new MonitorWaiter(clock);
  }
}
