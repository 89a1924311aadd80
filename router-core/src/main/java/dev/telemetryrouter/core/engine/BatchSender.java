package dev.telemetryrouter.core.engine;

import dev.telemetryrouter.spi.sink.OutgoingRecord;
import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.RetryableSinkException;
import dev.telemetryrouter.spi.sink.SendContext;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkBatch;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Sends one batch to a sink and retries what is worth retrying, within a deadline.
 *
 * <p>Only records whose outcome was {@link RecordOutcome.Retryable} are sent again, under the same
 * batch id and with their own record ids; a {@link RetryableSinkException} retries the whole batch;
 * any other exception is final for the batch. A batch the destination finds too large is split in
 * halves, and a single record that is too large is final. Waits never pass the deadline: when the
 * next retry would, its records are left unsent for the caller to keep.
 *
 * <p>The deadline is read again before each step, so a flush can shorten it while a background send
 * is waiting (see {@link Waiter#wake()}). Called by one thread at a time per sink.
 */
final class BatchSender {

  private static final System.Logger log = System.getLogger(BatchSender.class.getName());

  private final SinkIdentity identity;
  private final Sink sink;
  private final Batcher batcher;
  private final RetryPolicy retry;
  private final Backoff backoff;
  private final InstantSource clock;
  private final Waiter waiter;

  BatchSender(
      SinkIdentity identity,
      Sink sink,
      Batcher batcher,
      RetryPolicy retry,
      Backoff backoff,
      InstantSource clock,
      Waiter waiter) {
    this.identity = identity;
    this.sink = sink;
    this.batcher = batcher;
    this.retry = retry;
    this.backoff = backoff;
    this.clock = clock;
    this.waiter = waiter;
  }

  /** Sends {@code records} as batch {@code batchId} until each is settled or time runs out. */
  SendOutcome send(String batchId, List<QueuedRecord> records, Supplier<Instant> deadline) {
    SendOutcome outcome = new SendOutcome();
    sendWithRetries(batchId, records, deadline, outcome);
    return outcome;
  }

  private void sendWithRetries(
      String batchId, List<QueuedRecord> records, Supplier<Instant> deadline, SendOutcome outcome) {
    List<QueuedRecord> current = records;
    for (int round = 0; ; round++) {
      if (!clock.instant().isBefore(deadline.get())) {
        outcome.unsent(current);
        return;
      }
      Attempt attempt = attemptOnce(batchId, current, round, deadline.get());
      if (attempt.tooLarge() != null) {
        split(batchId, current, attempt.tooLarge(), deadline, outcome);
        return;
      }

      List<QueuedRecord> again = settle(current, attempt, outcome);
      if (again.isEmpty()) {
        return;
      }
      Duration wait = backoff.before(round + 1, attempt.retryAfter());
      log.log(
          Level.WARNING,
          "{0} batch={1} retrying {2} of {3} records in {4} ms: {5}",
          identity,
          batchId,
          again.size(),
          current.size(),
          wait.toMillis(),
          attempt.reason());
      if (!waitFor(clock.instant().plus(wait), deadline)) {
        outcome.unsent(again);
        return;
      }
      outcome.retried(again.size());
      current = again;
    }
  }

  /** Records the final outcomes of one attempt; returns the records to send again. */
  private List<QueuedRecord> settle(List<QueuedRecord> sent, Attempt attempt, SendOutcome outcome) {
    List<QueuedRecord> again = new ArrayList<>();
    for (int i = 0; i < sent.size(); i++) {
      QueuedRecord record = sent.get(i).sentOnce();
      switch (attempt.outcomes().get(i)) {
        case RecordOutcome.Delivered delivered -> outcome.delivered(record);
        case RecordOutcome.Rejected rejected ->
            outcome.failed(record, attempt.finalReason(), rejected.reason());
        case RecordOutcome.Retryable retryable -> {
          if (record.attempts() >= retry.maxAttempts()) {
            outcome.failed(record, SendOutcome.RETRIES_EXHAUSTED, retryable.reason());
          } else {
            again.add(record);
          }
        }
      }
    }
    return again;
  }

  private void split(
      String batchId,
      List<QueuedRecord> records,
      String reason,
      Supplier<Instant> deadline,
      SendOutcome outcome) {
    if (records.size() == 1) {
      outcome.failed(records.getFirst().sentOnce(), SendOutcome.TOO_LARGE, reason);
      return;
    }
    log.log(
        Level.DEBUG,
        "{0} batch={1} too large for the destination, splitting {2} records: {3}",
        identity,
        batchId,
        records.size(),
        reason);
    int half = records.size() / 2;
    sendWithRetries(batchId + "a", records.subList(0, half), deadline, outcome);
    sendWithRetries(batchId + "b", records.subList(half, records.size()), deadline, outcome);
  }

  private Attempt attemptOnce(
      String batchId, List<QueuedRecord> records, int round, Instant deadline) {
    List<OutgoingRecord> outgoing = records.stream().map(QueuedRecord::outgoing).toList();
    SinkBatch batch = new SinkBatch(batchId, outgoing, batcher.bytes(records));
    try {
      SendResult result = sink.send(batch, new SendContext(deadline, round, clock));
      return Attempt.of(result, records.size(), identity, batchId);
    } catch (RetryableSinkException e) {
      return Attempt.all(records.size(), retryable(e), String.valueOf(e.getMessage()));
    } catch (Exception e) {
      log.log(
          Level.ERROR,
          "{0} batch={1} send failed for good, {2} records go to the dead-letter path",
          identity,
          batchId,
          records.size(),
          e);
      return Attempt.failedWith(records.size(), e);
    }
  }

  private static RecordOutcome.Retryable retryable(RetryableSinkException e) {
    return new RecordOutcome.Retryable(String.valueOf(e.getMessage()), e.retryAfter());
  }

  /** Waits until {@code until}; false, without waiting, when that is past the deadline. */
  private boolean waitFor(Instant until, Supplier<Instant> deadline) {
    while (clock.instant().isBefore(until)) {
      if (until.isAfter(deadline.get())) {
        return false;
      }
      waiter.waitUntil(until);
    }
    return true;
  }
}
