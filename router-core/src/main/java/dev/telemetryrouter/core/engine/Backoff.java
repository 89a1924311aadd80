package dev.telemetryrouter.core.engine;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The wait before a retry: exponential backoff with full jitter, or what the destination asked for
 * (a {@code Retry-After}), both capped by {@link RetryPolicy#maxBackoff()}.
 */
final class Backoff {

  /** Doublings past this cannot change the result for any duration a Duration can hold. */
  private static final int MAX_DOUBLINGS = 62;

  private final RetryPolicy policy;
  private final RandomGenerator random;

  Backoff(RetryPolicy policy, RandomGenerator random) {
    this.policy = policy;
    this.random = random;
  }

  /**
   * The wait before retry {@code retry} (1 for the first retry).
   *
   * @param requested the delay the destination asked for, or null
   */
  Duration before(int retry, @Nullable Duration requested) {
    Duration max = policy.maxBackoff();
    if (requested != null) {
      Duration asked = requested.isNegative() ? Duration.ZERO : requested;
      return asked.compareTo(max) > 0 ? max : asked;
    }
    long capNanos = cap(retry, max).toNanos();
    // Full jitter: uniform over [0, cap], which spreads retries of many clients the most.
    return Duration.ofNanos(random.nextLong(capNanos + 1));
  }

  private Duration cap(int retry, Duration max) {
    int doublings = Math.min(Math.max(retry - 1, 0), MAX_DOUBLINGS);
    long initialNanos = policy.initialBackoff().toNanos();
    if (initialNanos > (max.toNanos() >> doublings)) {
      return max;
    }
    return Duration.ofNanos(initialNanos << doublings);
  }
}
