package dev.telemetryrouter.sink.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * A clock that moves only when a test moves it. Thread-safe, so a sink may read it from a
 * background thread while the test advances it.
 */
public final class FakeClock implements InstantSource {

  /** The default start: a fixed, readable instant, so file names and keys in tests are stable. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-02T03:04:05.678Z");

  private volatile Instant now;

  public FakeClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  /** A clock at {@link #DEFAULT_START}. */
  public FakeClock() {
    this(DEFAULT_START);
  }

  @Override
  public Instant instant() {
    return now;
  }

  /** Moves the clock forward by {@code step}; a negative step is refused. */
  public synchronized FakeClock advance(Duration step) {
    if (step.isNegative()) {
      throw new IllegalArgumentException("a clock only moves forward, got " + step);
    }
    now = now.plus(step);
    return this;
  }

  /** Sets the clock to {@code instant}, forwards or backwards (to test a wall-clock jump). */
  public synchronized FakeClock set(Instant instant) {
    now = Objects.requireNonNull(instant, "instant");
    return this;
  }
}
