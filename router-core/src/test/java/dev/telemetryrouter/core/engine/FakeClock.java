package dev.telemetryrouter.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when told, and a waiter that moves it instead of sleeping. */
final class FakeClock implements InstantSource, Waiter {

  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private Instant now = START;
  private final List<Instant> waits = new ArrayList<>();

  @Override
  public synchronized Instant instant() {
    return now;
  }

  synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  /** Time since {@link #START}. */
  synchronized Duration elapsed() {
    return Duration.between(START, now);
  }

  @Override
  public synchronized void waitUntil(Instant until) {
    waits.add(until);
    if (until.isAfter(now)) {
      now = until;
    }
  }

  @Override
  public void wake() {}

  synchronized List<Instant> waits() {
    return List.copyOf(waits);
  }
}
