package dev.telemetryrouter.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The thin threaded driver of one sink: starts it, then sends due batches whenever the channel
 * signals a full batch or the oldest record reaches its age limit. All decisions are in {@link
 * SinkFlow}; this class only waits.
 */
final class SinkWorker implements Runnable {

  /** How long an idle worker sleeps before it looks at the clock again, at most. */
  private static final Duration IDLE = Duration.ofSeconds(1);

  /**
   * The shortest wait. When a flush holds the sink, the buffer stays due and a worker without this
   * floor would spin until the flush ends.
   */
  private static final Duration FLOOR = Duration.ofMillis(10);

  private final SinkFlow flow;
  private final InstantSource clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wakeUp = lock.newCondition();
  private boolean signalled;
  private volatile boolean stopped;

  SinkWorker(SinkFlow flow, InstantSource clock) {
    this.flow = flow;
    this.clock = clock;
  }

  @Override
  public void run() {
    flow.start();
    while (!stopped) {
      flow.sendDue();
      awaitWork();
    }
  }

  /** Wakes the worker: a batch is due. */
  void signal() {
    lock.lock();
    try {
      signalled = true;
      wakeUp.signal();
    } finally {
      lock.unlock();
    }
  }

  /** Ends the loop after the current send. */
  void stop() {
    stopped = true;
    signal();
  }

  private void awaitWork() {
    lock.lock();
    try {
      if (!signalled && !stopped) {
        wakeUp.await(waitNanos(flow.nextDueAt()), TimeUnit.NANOSECONDS);
      }
      signalled = false;
    } catch (InterruptedException e) {
      stopped = true;
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }

  private long waitNanos(@Nullable Instant due) {
    Duration wait = due == null ? IDLE : Duration.between(clock.instant(), due);
    if (wait.compareTo(FLOOR) < 0) {
      return FLOOR.toNanos();
    }
    return Math.min(wait.toNanos(), IDLE.toNanos());
  }
}
