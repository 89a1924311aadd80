package dev.telemetryrouter.core.engine;

import dev.telemetryrouter.spi.sink.SinkLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decides when a sink's buffer holds a batch worth sending and cuts it: by the first of records,
 * bytes and age. Bytes count as {@link SinkLimits} says, overheads included; a batch exactly at a
 * limit is allowed, one byte over is not. Pure logic over the buffer it is handed; not thread-safe.
 */
final class Batcher {

  private final int maxRecords;
  private final long maxBytes;
  private final int batchOverheadBytes;
  private final long maxRecordCost;
  private final Duration maxAge;
  private final int halfRecords;
  private final long halfBytes;

  Batcher(BatchPolicy policy, SinkLimits limits) {
    this(policy, limits, null);
  }

  /**
   * @param buffer the sink's buffer; when its batches may be larger than half of it (S3's object of
   *     up to 100,000 records against a buffer of 10,000), a batch is also due once the buffer is
   *     over half full, so a burst is sent while the other half takes the records still arriving,
   *     instead of filling the buffer and dropping them
   */
  Batcher(BatchPolicy policy, SinkLimits limits, @Nullable BufferPolicy buffer) {
    // The loader keeps the policy within the limits; taking the minimum keeps that true anyway.
    this.maxRecords = Math.min(policy.maxRecords(), limits.maxRecordsPerBatch());
    this.maxBytes = Math.min(policy.maxBytes(), limits.maxBytesPerBatch());
    this.batchOverheadBytes = limits.batchOverheadBytes();
    this.maxRecordCost = Math.min(limits.maxBytesPerRecord(), maxBytes - batchOverheadBytes);
    this.maxAge = policy.maxAge();
    this.halfRecords = buffer == null ? Integer.MAX_VALUE : buffer.maxRecords() / 2;
    this.halfBytes = buffer == null ? Long.MAX_VALUE : buffer.maxBytes() / 2;
  }

  int maxRecords() {
    return maxRecords;
  }

  long maxBytes() {
    return maxBytes;
  }

  /** The largest cost one record may have and still travel in a batch of its own. */
  long maxRecordCost() {
    return maxRecordCost;
  }

  /** The bytes a batch of {@code records} counts, with the batch overhead. */
  long bytes(List<QueuedRecord> records) {
    long bytes = batchOverheadBytes;
    for (QueuedRecord record : records) {
      bytes += record.cost();
    }
    return bytes;
  }

  /**
   * Whether a batch should go now: the buffer fills a batch by count or bytes, or more than half of
   * the buffer itself, or its oldest record has waited the maximum age.
   */
  boolean isDue(int size, long cost, @Nullable Instant oldest, Instant now) {
    if (size == 0 || oldest == null) {
      return false;
    }
    return size >= maxRecords
        || batchOverheadBytes + cost >= maxBytes
        || size > halfRecords
        || cost > halfBytes
        || !now.isBefore(oldest.plus(maxAge));
  }

  /** When the oldest record reaches the maximum age, or null for an empty buffer. */
  @Nullable Instant dueAt(@Nullable Instant oldest) {
    return oldest == null ? null : oldest.plus(maxAge);
  }

  /**
   * Removes from the head of {@code queue} the records of one batch: as many as fit. A head record
   * that fits no batch (it cannot, after the size policy) goes alone, so the sink can reject it.
   */
  List<QueuedRecord> cut(Deque<QueuedRecord> queue) {
    List<QueuedRecord> batch = new ArrayList<>();
    long bytes = batchOverheadBytes;
    while (!queue.isEmpty() && batch.size() < maxRecords) {
      QueuedRecord next = queue.peekFirst();
      if (bytes + next.cost() > maxBytes && !batch.isEmpty()) {
        break;
      }
      batch.add(queue.removeFirst());
      bytes += next.cost();
    }
    return batch;
  }
}
