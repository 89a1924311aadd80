package dev.telemetryrouter.core.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * What became of the records of one batch after every retry the deadline allowed: delivered, failed
 * for good (with a reason), or unsent because time ran out. Filled in by {@link BatchSender}, read
 * by the channel that keeps the accounts.
 */
final class SendOutcome {

  /**
   * A record that failed for good.
   *
   * @param reason short and stable, for the accounts: {@code rejected}, {@code retries_exhausted},
   *     {@code send_error}, {@code too_large}
   * @param detail what the sink said, for the log and the dead-letter entry
   */
  record Failure(QueuedRecord record, String reason, String detail) {}

  static final String REJECTED = "rejected";
  static final String RETRIES_EXHAUSTED = "retries_exhausted";
  static final String SEND_ERROR = "send_error";
  static final String TOO_LARGE = "too_large";

  private final List<QueuedRecord> delivered = new ArrayList<>();
  private final List<Failure> failed = new ArrayList<>();
  private final List<QueuedRecord> unsent = new ArrayList<>();
  private int retried;

  void delivered(QueuedRecord record) {
    delivered.add(record);
  }

  void failed(QueuedRecord record, String reason, String detail) {
    failed.add(new Failure(record, reason, detail));
  }

  void unsent(List<QueuedRecord> records) {
    unsent.addAll(records);
  }

  void retried(int count) {
    retried += count;
  }

  List<QueuedRecord> delivered() {
    return delivered;
  }

  List<Failure> failed() {
    return failed;
  }

  List<QueuedRecord> unsent() {
    return unsent;
  }

  int retried() {
    return retried;
  }
}
