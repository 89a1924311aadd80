package dev.telemetryrouter.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.function.BooleanSupplier;

/**
 * A fake clock for several threads at once. Time moves only when every taking-part thread waits
 * (the thread that made this object, and every thread made by it as a {@link ThreadFactory}); it
 * then jumps to the earliest time one of them waits for. So two threads that each wait a second end
 * after one second of fake time, deterministically and without sleeping.
 */
final class VirtualTime implements InstantSource, Waiter, ThreadFactory {

  /** One thread waiting for a time; cleared by {@link #wake()} or when the time has come. */
  private static final class Sleeper {
    final Instant until;
    boolean asleep = true;

    Sleeper(Instant until) {
      this.until = until;
    }
  }

  private Instant now = FakeClock.START;
  private int parties = 1;
  private final List<Sleeper> sleepers = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();

  @Override
  public synchronized Instant instant() {
    return now;
  }

  synchronized Duration elapsed() {
    return Duration.between(FakeClock.START, now);
  }

  /** Blocks the calling thread for {@code duration} of fake time, as a slow destination does. */
  void sleep(Duration duration) {
    waitUntil(instant().plus(duration));
  }

  @Override
  public synchronized void waitUntil(Instant until) {
    waitUntil(until, () -> false);
  }

  @Override
  public synchronized void waitUntil(Instant until, BooleanSupplier done) {
    while (!done.getAsBoolean() && now.isBefore(until)) {
      Sleeper sleeper = new Sleeper(until);
      sleepers.add(sleeper);
      advanceIfAllWait();
      while (sleeper.asleep) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public synchronized void wake() {
    sleepers.forEach(sleeper -> sleeper.asleep = false);
    sleepers.clear();
    notifyAll();
  }

  @Override
  public synchronized Thread newThread(Runnable task) {
    parties++;
    Thread thread = Thread.ofPlatform().daemon().unstarted(() -> runAndLeave(task));
    threads.add(thread);
    return thread;
  }

  /** The owner stops taking part: time runs out for every thread left, which then ends. */
  void finish() throws InterruptedException {
    synchronized (this) {
      parties--;
      advanceIfAllWait();
    }
    for (Thread thread : List.copyOf(threads)) {
      // A bound so that a thread stuck outside the fake clock fails the run instead of hanging it.
      if (!thread.join(Duration.ofSeconds(30))) {
        throw new IllegalStateException(thread + " did not end once time ran out");
      }
    }
  }

  private void runAndLeave(Runnable task) {
    try {
      task.run();
    } finally {
      synchronized (this) {
        parties--;
        advanceIfAllWait();
      }
    }
  }

  private void advanceIfAllWait() {
    if (sleepers.isEmpty() || sleepers.size() < parties) {
      return;
    }
    Instant next = sleepers.stream().map(s -> s.until).min(Comparator.naturalOrder()).orElseThrow();
    now = next.isAfter(now) ? next : now;
    sleepers.removeIf(
        sleeper -> {
          boolean due = !sleeper.until.isAfter(now);
          sleeper.asleep = !due;
          return due;
        });
    notifyAll();
  }
}
