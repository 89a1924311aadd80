package dev.telemetryrouter.sink.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.spi.FieldPath;
import dev.telemetryrouter.spi.sink.OutgoingRecord;
import dev.telemetryrouter.spi.sink.SinkLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Batches cut to the declared limits always make requests within the PutRecords limits. */
class PutRecordsPlanTest {

  private final RandomPartitionKeys random = new RandomPartitionKeys(new SplittableRandom(3));
  private final PartitionKeyTemplate byTenant = PartitionKeyTemplate.parse("{tenant}", random);

  @Test
  void plain_fullBatchOfLargestRecords_fitsTheRequestLimits() {
    SinkLimits limits = KinesisLimits.of(random, false);
    int size =
        (int) (limits.maxBytesPerBatch() / limits.maxRecordsPerBatch())
            - limits.recordOverheadBytes();

    PutRecordsPlan plan = PutRecordsPlan.plain(TestRecords.ofSize(500, size), random);

    assertWithinApiLimits(plan);
    assertThat(plan.size()).isEqualTo(500);
  }

  @Test
  void plain_recordAtItsLimit_fitsWithItsKey() {
    SinkLimits limits = KinesisLimits.of(byTenant, false);
    int size = (int) limits.maxBytesPerRecord() - limits.recordOverheadBytes();
    OutgoingRecord record = withTenant(TestRecords.ofSize("big", size), "é".repeat(300));

    PutRecordsPlan plan = PutRecordsPlan.plain(List.of(record), byTenant);

    assertWithinApiLimits(plan);
  }

  @Test
  void aggregatedRandom_recordsJustOverHalfAnAggregate_stayWithinRequestLimits() {
    SinkLimits limits = KinesisLimits.of(random, true);
    int size = (int) (limits.maxBytesPerRecord() / 2) + 1 - limits.recordOverheadBytes();
    int count = (int) (limits.maxBytesPerBatch() / (size + limits.recordOverheadBytes()));

    PutRecordsPlan plan = PutRecordsPlan.aggregated(TestRecords.ofSize(count, size), random);

    assertWithinApiLimits(plan);
    assertThat(plan.size()).isEqualTo(count);
  }

  @Test
  void aggregatedRandom_randomSizesUpToTheLimits_stayWithinRequestLimits() {
    SinkLimits limits = KinesisLimits.of(random, true);
    SplittableRandom sizes = new SplittableRandom(11);
    for (int round = 0; round < 40; round++) {
      List<OutgoingRecord> batch = fill(limits, sizes, round);

      PutRecordsPlan plan = PutRecordsPlan.aggregated(batch, random);

      assertWithinApiLimits(plan);
      assertThat(plan.entries().stream().mapToInt(e -> e.batchIndices().size()).sum())
          .isEqualTo(batch.size());
    }
  }

  @Test
  void aggregatedRandom_manySmallRecords_packIntoFewKinesisRecords() {
    List<OutgoingRecord> batch = TestRecords.ofSize(10_000, 200);

    PutRecordsPlan plan = PutRecordsPlan.aggregated(batch, random);

    assertThat(plan.size()).isEqualTo(2);
    assertThat(plan.entries().getFirst().batchIndices()).startsWith(0, 1, 2);
    assertWithinApiLimits(plan);
  }

  @Test
  void aggregatedTemplate_everyRecordItsOwnLargestKey_staysWithinRequestLimits() {
    SinkLimits limits = KinesisLimits.of(byTenant, true);
    int size =
        (int) (limits.maxBytesPerBatch() / limits.maxRecordsPerBatch())
            - limits.recordOverheadBytes();
    List<OutgoingRecord> batch = new ArrayList<>();
    for (int i = 0; i < limits.maxRecordsPerBatch(); i++) {
      batch.add(withTenant(TestRecords.ofSize("r" + i, size), i + "-" + "t".repeat(300)));
    }

    PutRecordsPlan plan = PutRecordsPlan.aggregated(batch, byTenant);

    assertWithinApiLimits(plan);
    assertThat(plan.size()).isEqualTo(500);
  }

  @Test
  void aggregatedTemplate_recordsOfOneKey_shareAggregatesAndKeepTheirOrder() {
    List<OutgoingRecord> batch =
        List.of(
            withTenant(TestRecords.outgoing("a1", "1"), "a"),
            withTenant(TestRecords.outgoing("b1", "2"), "b"),
            withTenant(TestRecords.outgoing("a2", "3"), "a"));

    PutRecordsPlan plan = PutRecordsPlan.aggregated(batch, byTenant);

    assertThat(plan.entries())
        .extracting(PutRecordsPlan.Entry::partitionKey)
        .containsExactly("a", "b");
    assertThat(plan.entries().getFirst().batchIndices()).containsExactly(0, 2);
    assertThat(KplAggregateTest.deaggregate(plan.entries().getFirst().data(), "a"))
        .extracting(r -> new String(KplAggregateTest.bytes(r.data()), StandardCharsets.UTF_8))
        .containsExactly("1", "3");
  }

  private static List<OutgoingRecord> fill(SinkLimits limits, SplittableRandom sizes, int round) {
    List<OutgoingRecord> batch = new ArrayList<>();
    long total = 0;
    long largest = limits.maxBytesPerRecord() - limits.recordOverheadBytes();
    while (batch.size() < limits.maxRecordsPerBatch()) {
      int size = (int) (round % 2 == 0 ? sizes.nextLong(largest + 1) : sizes.nextLong(4_000));
      long cost = size + limits.recordOverheadBytes();
      if (total + cost > limits.maxBytesPerBatch()) {
        break;
      }
      total += cost;
      batch.add(TestRecords.ofSize("r" + batch.size(), size));
    }
    return batch;
  }

  private static OutgoingRecord withTenant(OutgoingRecord record, String tenant) {
    return new OutgoingRecord(
        record.record().with(FieldPath.parse("tenant"), tenant), record.data(), 0);
  }

  private static void assertWithinApiLimits(PutRecordsPlan plan) {
    long total = 0;
    for (PutRecordsPlan.Entry entry : plan.entries()) {
      long size =
          entry.data().length + entry.partitionKey().getBytes(StandardCharsets.UTF_8).length;
      assertThat(size).isLessThanOrEqualTo(KinesisLimits.MAX_BYTES_PER_RECORD);
      assertThat(entry.partitionKey().length()).isBetween(1, 256);
      total += size;
    }
    assertThat(plan.size()).isLessThanOrEqualTo(KinesisLimits.MAX_RECORDS_PER_CALL);
    assertThat(total).isLessThanOrEqualTo(KinesisLimits.MAX_BYTES_PER_CALL);
  }
}
