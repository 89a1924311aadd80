package dev.telemetryrouter.sink.kinesis;

import dev.telemetryrouter.spi.sink.SinkLimits;

/** The PutRecords limits, and the {@link SinkLimits} the sink declares for each way of sending. */
final class KinesisLimits {

  /** PutRecords API reference: a request carries at most 500 records. */
  static final int MAX_RECORDS_PER_CALL = 500;

  /** PutRecords API reference: a request carries at most 5 MiB, partition keys included. */
  static final long MAX_BYTES_PER_CALL = 5L * 1024 * 1024;

  /** PutRecords API reference: one record's data plus its partition key is at most 1 MiB. */
  static final long MAX_BYTES_PER_RECORD = 1024L * 1024;

  /**
   * With aggregation and random keys the 500-record cap no longer binds (a request holds at most
   * {@link #MAX_AGGREGATES_PER_CALL} aggregates); this cap only bounds the work of one call.
   */
  static final int MAX_USER_RECORDS_PER_AGGREGATED_CALL = 10_000;

  /**
   * Aggregates filled one after another (each closed when the next record does not fit) hold, two
   * neighbours together, more than one aggregate's capacity; so a batch of at most 5 MiB less 12
   * aggregate overheads, into aggregates of 1 MiB less one overhead, needs fewer than 12 of them.
   */
  static final int MAX_AGGREGATES_PER_CALL = 12;

  private KinesisLimits() {}

  /**
   * The limits the engine cuts batches to.
   *
   * <p>Without aggregation the partition key is the per-record overhead. With aggregation and a key
   * template every record may open an aggregate of its own (one per key), so each record is charged
   * a whole aggregate's overhead and the 500-record cap stays. With random keys, records share
   * aggregates: each is charged its protobuf framing, and the request and record limits are lowered
   * by the aggregates' fixed parts.
   */
  static SinkLimits of(PartitionKeys keys, boolean aggregation) {
    int keyBytes = keys.maxKeyBytes();
    if (!aggregation) {
      return new SinkLimits(
          MAX_RECORDS_PER_CALL, MAX_BYTES_PER_CALL, MAX_BYTES_PER_RECORD, keyBytes, 0);
    }

    int aggregateOverhead = Math.toIntExact(KplAggregate.emptyAggregateBytes(keyBytes) + keyBytes);
    int framing = entryFramingBytes();
    if (keys.keyed()) {
      return new SinkLimits(
          MAX_RECORDS_PER_CALL,
          MAX_BYTES_PER_CALL,
          MAX_BYTES_PER_RECORD,
          framing + aggregateOverhead,
          0);
    }
    return new SinkLimits(
        MAX_USER_RECORDS_PER_AGGREGATED_CALL,
        MAX_BYTES_PER_CALL - (long) MAX_AGGREGATES_PER_CALL * aggregateOverhead,
        MAX_BYTES_PER_RECORD - aggregateOverhead,
        framing,
        0);
  }

  /** The most protobuf framing one user record of up to 1 MiB adds inside an aggregate. */
  static int entryFramingBytes() {
    int largest = Math.toIntExact(MAX_BYTES_PER_RECORD);
    return KplAggregate.recordEntryBytes(largest) - largest;
  }
}
