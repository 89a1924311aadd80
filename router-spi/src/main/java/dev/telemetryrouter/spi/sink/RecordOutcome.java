package dev.telemetryrouter.spi.sink;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What happened to one record of a batch. */
public sealed interface RecordOutcome {

  /** The destination accepted the record. */
  RecordOutcome DELIVERED = new Delivered();

  /** The record may succeed if sent again (throttled, a transient service fault). */
  static RecordOutcome retryable(String reason) {
    return new Retryable(reason, null);
  }

  /** The destination rejected the record for good; it goes to the dead-letter path. */
  static RecordOutcome rejected(String reason) {
    return new Rejected(reason);
  }

  /** Accepted. */
  record Delivered() implements RecordOutcome {}

  /**
   * Worth another try.
   *
   * @param reason short text for the accounts, such as {@code
   *     ProvisionedThroughputExceededException}
   * @param retryAfter a delay the destination asked for, or {@code null} to use the sink's backoff
   */
  record Retryable(String reason, @Nullable Duration retryAfter) implements RecordOutcome {
    public Retryable {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Final.
   *
   * @param reason short text for the accounts and the dead-letter entry, such as {@code HTTP 400:
   *     mapper_parsing_exception}
   */
  record Rejected(String reason) implements RecordOutcome {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
