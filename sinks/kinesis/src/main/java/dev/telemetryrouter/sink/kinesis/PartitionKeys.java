package dev.telemetryrouter.sink.kinesis;

import dev.telemetryrouter.spi.TelemetryRecord;

/**
 * Chooses the partition key of each record, which picks its shard through the MD5 hash of the key.
 *
 * <p>A key must be the same on every attempt of a record, so that a retried record lands where its
 * first attempt would have.
 */
sealed interface PartitionKeys permits RandomPartitionKeys, PartitionKeyTemplate {

  /** The key of {@code record}: 1 to 256 characters, at most {@link #maxKeyBytes()} in UTF-8. */
  String keyFor(TelemetryRecord record);

  /** An upper bound of the UTF-8 size of every key; the sink declares it as record overhead. */
  int maxKeyBytes();

  /**
   * Whether records with different keys must stay apart when aggregated: true for a template (order
   * per key), false for random keys, where one aggregate takes the key of its first record.
   */
  boolean keyed();
}
