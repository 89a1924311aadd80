package dev.telemetryrouter.spi.sink;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of one {@link Sink#send}: either an outcome per record, in batch order, or a signal
 * that the request was too large for the destination (HTTP 413), in which case the engine splits
 * the batch in two and sends the halves; a single record that is too large is rejected.
 */
public final class SendResult {

  private final List<RecordOutcome> outcomes;
  private final @Nullable String tooLargeReason;

  private SendResult(List<RecordOutcome> outcomes, @Nullable String tooLargeReason) {
    this.outcomes = outcomes;
    this.tooLargeReason = tooLargeReason;
  }

  /** Every one of {@code count} records delivered. */
  public static SendResult allDelivered(int count) {
    return new SendResult(Collections.nCopies(count, RecordOutcome.DELIVERED), null);
  }

  /** The same outcome for each of {@code count} records. */
  public static SendResult all(int count, RecordOutcome outcome) {
    return new SendResult(Collections.nCopies(count, outcome), null);
  }

  /** One outcome per record, in batch order; the list must match the batch's size. */
  public static SendResult of(List<RecordOutcome> outcomes) {
    return new SendResult(List.copyOf(outcomes), null);
  }

  /** The destination refused the request for its size; the engine splits the batch. */
  public static SendResult tooLarge(String reason) {
    return new SendResult(List.of(), Objects.requireNonNull(reason, "reason"));
  }

  /** The outcomes, in batch order; empty when {@link #isTooLarge()}. */
  public List<RecordOutcome> outcomes() {
    return outcomes;
  }

  public boolean isTooLarge() {
    return tooLargeReason != null;
  }

  /** Why the request was too large, or {@code null}. */
  public @Nullable String tooLargeReason() {
    return tooLargeReason;
  }
}
