package dev.telemetryrouter.core.engine;

import dev.telemetryrouter.core.engine.SinkLedger.From;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Moves one sink's buffered records out: due batches in the background, everything on a flush, and
 * the in-flight wait of the lighter flush modes. One thread sends at a time (the {@link
 * dev.telemetryrouter.spi.sink.Sink} contract); a flush queues fairly behind a background send and
 * shortens its deadline, so the send cannot outlive the flush.
 */
final class SinkFlow {

  /** Why records were still buffered when the sink closed, in their spill entries. */
  static final String UNSENT_AT_SHUTDOWN = "unsent_at_shutdown";

  /**
   * The least time a background send may take with its retries. No caller waits for it, and a
   * freeze may pause it at any moment; the budget only bounds how long one batch can hold the sink
   * before its records go back to the buffer.
   */
  private static final Duration MIN_BACKGROUND_BUDGET = Duration.ofSeconds(30);

  private static final System.Logger log = System.getLogger(SinkFlow.class.getName());

  private final SinkIdentity identity;
  private final SinkPlan plan;
  private final SinkBuffer buffer;
  private final Batcher batcher;
  private final BatchSender sender;
  private final DeadLetters deadLetters;
  private final @Nullable SpillReplay replay;
  private final SinkLedger ledger;
  private final InstantSource clock;
  private final Waiter waiter;
  private final Duration backgroundBudget;
  private final ReentrantLock sending = new ReentrantLock(true);
  private final AtomicLong batches = new AtomicLong();
  private final String batchPrefix;
  private volatile @Nullable Instant flushDeadline;
  private volatile Instant lastFullFlush;
  private volatile Instant resumeBackgroundAt;
  private boolean started;
  private volatile boolean closed;

  /** The sink's parts this class drives; {@code replay} is null without a spill directory. */
  record Parts(
      SinkBuffer buffer,
      Batcher batcher,
      BatchSender sender,
      DeadLetters deadLetters,
      @Nullable SpillReplay replay,
      SinkLedger ledger) {}

  SinkFlow(
      SinkIdentity identity,
      SinkPlan plan,
      Parts parts,
      InstantSource clock,
      Waiter waiter,
      RandomGenerator random) {
    this.identity = identity;
    // Receivers drop duplicates by batch id, so ids must not repeat across sandboxes and restarts.
    this.batchPrefix =
        identity.name() + "-" + Long.toHexString(random.nextLong() & 0xFFFF_FFFF_FFFFL) + "-";
    this.plan = plan;
    this.buffer = parts.buffer();
    this.batcher = parts.batcher();
    this.sender = parts.sender();
    this.deadLetters = parts.deadLetters();
    this.replay = parts.replay();
    this.ledger = parts.ledger();
    this.clock = clock;
    this.waiter = waiter;
    // Not Duration.multipliedBy: it computes through BigDecimal, and JDK 25 initialises that class
    // by squaring 5 up to 5^65536, 9 ms of Init measured with the start-up harness.
    Duration retries = timesSaturated(plan.retry().maxBackoff(), plan.retry().maxAttempts());
    this.backgroundBudget =
        retries.compareTo(MIN_BACKGROUND_BUDGET) > 0 ? retries : MIN_BACKGROUND_BUDGET;
    this.lastFullFlush = clock.instant();
    this.resumeBackgroundAt = Instant.MIN;
  }

  /** Starts the sink off the start-up path; does nothing after the first call. */
  void start() {
    sending.lock();
    try {
      ensureStarted();
    } finally {
      sending.unlock();
    }
  }

  /**
   * Sends the batches that are due (full or aged) unless a flush is sending or waiting to; then,
   * with nothing due, replays the dead-letter file when a replay is wanted. Flushes never replay:
   * the time before {@code /next} is for the records of the invocation.
   */
  void sendDue() {
    Instant now = clock.instant();
    if (now.isBefore(resumeBackgroundAt) || !sending.tryLock()) {
      return;
    }
    try {
      if (closed) {
        return;
      }
      ensureStarted();
      Instant budgetEnd = now.plus(backgroundBudget);
      Supplier<Instant> deadline = () -> earlier(budgetEnd, flushDeadline);
      while (!sending.hasQueuedThreads() && !closed) {
        List<QueuedRecord> batch = buffer.take(batcher, false, clock.instant());
        if (batch.isEmpty()) {
          if (!replayOnce(deadline)) {
            return;
          }
          continue;
        }
        if (!sendBatch(batch, deadline)) {
          pauseUnlessFlushWaits();
          return;
        }
      }
    } finally {
      sending.unlock();
    }
  }

  /** Sends everything buffered, until the buffer is empty or the deadline has come. */
  void flush(Instant deadline) {
    if (!lockBy(deadline)) {
      return;
    }
    try {
      if (closed) {
        return;
      }
      ensureStarted();
      while (clock.instant().isBefore(deadline) && !closed) {
        List<QueuedRecord> batch = buffer.take(batcher, true, clock.instant());
        if (batch.isEmpty()) {
          lastFullFlush = clock.instant();
          return;
        }
        if (!sendBatch(batch, () -> deadline)) {
          return;
        }
      }
    } finally {
      release();
    }
  }

  /** Waits, until the deadline at most, for a send in flight to end; starts no new one. */
  void awaitInFlight(Instant deadline) {
    if (lockBy(deadline)) {
      release();
    }
  }

  /**
   * Closes the sink once no send is in flight, spilling what is still buffered when a spill is
   * configured. A sink still sending at the deadline (one that hangs) is left open, since close
   * must never run beside a send, but what it holds in its buffer is spilled all the same and no
   * further batch starts; the batch in flight stays counted as pending.
   */
  void close(Instant deadline) {
    if (!lockBy(deadline)) {
      closed = true;
      spillLeftovers();
      log.log(Level.WARNING, "{0} still sending at the shutdown deadline; not closed", identity);
      return;
    }
    try {
      if (closed) {
        return;
      }
      closed = true;
      spillLeftovers();
      plan.sink().close();
      log.log(Level.INFO, "{0} closed", identity);
    } catch (RuntimeException e) {
      log.log(Level.WARNING, "{0} failed while closing; ignored at shutdown", identity, e);
    } finally {
      release();
    }
  }

  /**
   * When the background should look again: now for a wanted replay, else the oldest record's age
   * limit, or a retry pause.
   */
  @Nullable Instant nextDueAt() {
    boolean replayNow = replay != null && replay.wanted() && !closed;
    Instant due = replayNow ? clock.instant() : buffer.dueAt(batcher);
    if (due == null) {
      return null;
    }
    return due.isBefore(resumeBackgroundAt) ? resumeBackgroundAt : due;
  }

  Instant lastFullFlush() {
    return lastFullFlush;
  }

  /** Sends one chunk of the dead-letter file; true when it all went and more may follow. */
  private boolean replayOnce(Supplier<Instant> deadline) {
    SpillReplay.Chunk chunk = replay == null ? null : replay.next();
    if (chunk == null) {
      return false;
    }
    SendOutcome outcome =
        chunk.records().isEmpty()
            ? new SendOutcome()
            : sender.send(batchPrefix + batches.incrementAndGet(), chunk.records(), deadline);
    ledger.retry(outcome.retried());
    replay.settle(chunk, outcome);
    return replay.wanted();
  }

  private boolean sendBatch(List<QueuedRecord> batch, Supplier<Instant> deadline) {
    String batchId = batchPrefix + batches.incrementAndGet();
    SendOutcome outcome = sender.send(batchId, batch, deadline);
    if (replay != null && !outcome.delivered().isEmpty()) {
      replay.want();
    }

    long bytes = outcome.delivered().stream().mapToLong(record -> record.data().length).sum();
    ledger.deliver(outcome.delivered().size(), bytes);
    ledger.retry(outcome.retried());
    for (SendOutcome.Failure failure : outcome.failed()) {
      String dropReason = deadLetters.handle(failure.record(), failure.reason(), failure.detail());
      if (dropReason == null) {
        ledger.deadLetter(From.IN_FLIGHT, 1);
      } else {
        ledger.drop(From.IN_FLIGHT, dropReason, 1);
      }
    }
    buffer.putBack(outcome.unsent(), From.IN_FLIGHT);

    log.log(
        Level.DEBUG,
        "{0} batch={1} {2} records: {3} delivered, {4} failed, {5} left for later",
        identity,
        batchId,
        batch.size(),
        outcome.delivered().size(),
        outcome.failed().size(),
        outcome.unsent().size());
    return outcome.unsent().isEmpty();
  }

  /**
   * After a background send that ended with records unsent. When a flush cut it short (the flush is
   * waiting for the lock), the flush sends those records next and nothing need wait. Otherwise the
   * send ran out of its own budget: the sink has failed for a long while, and the next batch waits
   * one maximum backoff instead of starting at once.
   */
  private void pauseUnlessFlushWaits() {
    if (flushDeadline == null) {
      resumeBackgroundAt = clock.instant().plus(plan.retry().maxBackoff());
    }
  }

  private void spillLeftovers() {
    if (!deadLetters.canSpill()) {
      return;
    }
    List<QueuedRecord> left = buffer.drain();
    List<QueuedRecord> kept = new ArrayList<>();
    for (QueuedRecord record : left) {
      if (deadLetters.spill(record.record(), UNSENT_AT_SHUTDOWN)) {
        ledger.deadLetter(From.QUEUED, 1);
      } else {
        kept.add(record);
      }
    }
    buffer.putBack(kept, From.QUEUED);
  }

  private void ensureStarted() {
    if (started) {
      return;
    }
    started = true;
    try {
      plan.sink().start();
    } catch (Exception e) {
      log.log(Level.ERROR, "{0} failed to start; sends will be tried anyway", identity, e);
    }
  }

  /** Takes the send lock by the deadline, shortening any background send's deadline to it. */
  private boolean lockBy(Instant deadline) {
    flushDeadline = deadline;
    waiter.wake();
    long nanos = Math.max(0, Duration.between(clock.instant(), deadline).toNanos());
    try {
      if (sending.tryLock() || sending.tryLock(nanos, TimeUnit.NANOSECONDS)) {
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flushDeadline = null;
    return false;
  }

  private void release() {
    flushDeadline = null;
    sending.unlock();
  }

  private static Instant earlier(Instant a, @Nullable Instant b) {
    return b != null && b.isBefore(a) ? b : a;
  }

  /** {@code duration} times {@code factor} in milliseconds, at most {@code Long.MAX_VALUE} ms. */
  static Duration timesSaturated(Duration duration, long factor) {
    try {
      return Duration.ofMillis(Math.multiplyExact(duration.toMillis(), factor));
    } catch (ArithmeticException overflow) {
      return Duration.ofMillis(Long.MAX_VALUE);
    }
  }
}
