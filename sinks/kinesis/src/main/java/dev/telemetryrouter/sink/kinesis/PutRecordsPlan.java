package dev.telemetryrouter.sink.kinesis;

import dev.telemetryrouter.spi.sink.OutgoingRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kinesis records one batch becomes: one per user record, or aggregates of many. Each entry
 * remembers which batch positions it carries, so the answer for {@code Records[i]} maps back to
 * those user records.
 *
 * @param entries the request's records, in request order
 */
record PutRecordsPlan(List<Entry> entries) {

  /**
   * One request record.
   *
   * @param partitionKey the key Kinesis hashes to pick the shard
   * @param data the data blob
   * @param batchIndices the positions in the batch of the user records it carries
   */
  record Entry(String partitionKey, byte[] data, List<Integer> batchIndices) {}

  /** One Kinesis record per user record. */
  static PutRecordsPlan plain(List<OutgoingRecord> records, PartitionKeys keys) {
    List<Entry> entries = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      OutgoingRecord record = records.get(i);
      entries.add(new Entry(keys.keyFor(record.record()), record.data(), List.of(i)));
    }
    return checked(entries);
  }

  /**
   * User records packed into KPL aggregates, each filled until the next record would push it past
   * the 1 MiB record limit. With a key template, records of different keys never share an
   * aggregate; with random keys, an aggregate takes the key of its first record.
   */
  static PutRecordsPlan aggregated(List<OutgoingRecord> records, PartitionKeys keys) {
    List<KplAggregate> aggregates = new ArrayList<>();
    Map<String, KplAggregate> open = new LinkedHashMap<>();
    for (int i = 0; i < records.size(); i++) {
      OutgoingRecord record = records.get(i);
      String key = keys.keyFor(record.record());
      String group = keys.keyed() ? key : "";

      KplAggregate current = open.get(group);
      if (current == null || !fits(current, record.data().length)) {
        current = new KplAggregate(key);
        aggregates.add(current);
        open.put(group, current);
      }
      current.add(record.data(), i);
    }

    List<Entry> entries = new ArrayList<>(aggregates.size());
    for (KplAggregate aggregate : aggregates) {
      entries.add(
          new Entry(aggregate.partitionKey(), aggregate.encode(), aggregate.batchIndices()));
    }
    return checked(entries);
  }

  private static boolean fits(KplAggregate aggregate, int dataBytes) {
    long keyBytes = aggregate.partitionKey().getBytes(StandardCharsets.UTF_8).length;
    return aggregate.encodedBytesWith(dataBytes) + keyBytes <= KinesisLimits.MAX_BYTES_PER_RECORD;
  }

  /**
   * The engine cuts batches within the declared limits, so a plan past the API's limits is a bug
   * here; failing the batch beats a request the service rejects as a whole.
   */
  private static PutRecordsPlan checked(List<Entry> entries) {
    long total = 0;
    for (Entry entry : entries) {
      long size = entry.data().length + utf8Bytes(entry.partitionKey());
      if (size > KinesisLimits.MAX_BYTES_PER_RECORD) {
        throw new IllegalStateException(
            "a Kinesis record of " + size + " bytes exceeds the 1 MiB PutRecords record limit");
      }
      total += size;
    }
    if (entries.size() > KinesisLimits.MAX_RECORDS_PER_CALL
        || total > KinesisLimits.MAX_BYTES_PER_CALL) {
      throw new IllegalStateException(
          "a PutRecords request of "
              + entries.size()
              + " records and "
              + total
              + " bytes exceeds the API limits of 500 records and 5 MiB");
    }
    return new PutRecordsPlan(List.copyOf(entries));
  }

  private static long utf8Bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /** The number of request records. */
  int size() {
    return entries.size();
  }
}
