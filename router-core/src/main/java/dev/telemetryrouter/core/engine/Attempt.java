package dev.telemetryrouter.core.engine;

import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.SendResult;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One send of a batch, as the retry loop reads it.
 *
 * @param outcomes one per record, in batch order; empty when {@code tooLarge}
 * @param tooLarge why the destination refused the request for its size, or null
 * @param retryAfter the longest delay a retryable outcome asked for, or null
 * @param reason the first retryable reason, for the retry log line
 * @param finalReason the accounts' reason for records that failed for good in this send
 */
record Attempt(
    List<RecordOutcome> outcomes,
    @Nullable String tooLarge,
    @Nullable Duration retryAfter,
    String reason,
    String finalReason) {

  private static final System.Logger log = System.getLogger(Attempt.class.getName());

  static Attempt of(SendResult result, int size, SinkIdentity sink, String batchId) {
    if (result.isTooLarge()) {
      return new Attempt(List.of(), result.tooLargeReason(), null, "", SendOutcome.TOO_LARGE);
    }
    if (result.outcomes().size() != size) {
      log.log(
          Level.ERROR,
          "{0} batch={1} the sink reported {2} outcomes for {3} records, a bug in the sink;"
              + " the batch counts as failed",
          sink,
          batchId,
          result.outcomes().size(),
          size);
      return failed(size, "sink reported a wrong number of outcomes");
    }

    Duration retryAfter = null;
    String reason = "";
    for (RecordOutcome outcome : result.outcomes()) {
      if (outcome instanceof RecordOutcome.Retryable retryable) {
        reason = reason.isEmpty() ? retryable.reason() : reason;
        retryAfter = longer(retryAfter, retryable.retryAfter());
      }
    }
    return new Attempt(result.outcomes(), null, retryAfter, reason, SendOutcome.REJECTED);
  }

  /** Every record with the same outcome, as when the whole request failed in a retryable way. */
  static Attempt all(int size, RecordOutcome.Retryable outcome, String reason) {
    return new Attempt(
        Collections.nCopies(size, outcome),
        null,
        outcome.retryAfter(),
        reason,
        SendOutcome.REJECTED);
  }

  /** Every record failed for good because the send threw. */
  static Attempt failedWith(int size, Exception e) {
    return failed(size, e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  private static Attempt failed(int size, String detail) {
    return new Attempt(
        Collections.nCopies(size, RecordOutcome.rejected(detail)),
        null,
        null,
        detail,
        SendOutcome.SEND_ERROR);
  }

  private static @Nullable Duration longer(@Nullable Duration a, @Nullable Duration b) {
    if (a == null) {
      return b;
    }
    return b == null || a.compareTo(b) >= 0 ? a : b;
  }
}
