package dev.telemetryrouter.sink.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.kinesis.retrieval.AggregatorUtil;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/** Our hand-written aggregates, read back by the Kinesis Client Library's own de-aggregation. */
class KplAggregateTest {

  /** Kinesis hash keys span 0 to 2^128 - 1; one shard covering all of it. */
  private static final BigInteger LAST_HASH_KEY = BigInteger.TWO.pow(128).subtract(BigInteger.ONE);

  @Test
  void encode_manyRecords_deaggregatesByKclToTheSameRecordsInOrder() {
    KplAggregate aggregate = new KplAggregate("key-7");
    List<byte[]> inputs = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      byte[] data = ("{\"message\":\"line " + i + " ü 🚀\"}").getBytes(StandardCharsets.UTF_8);
      inputs.add(data);
      aggregate.add(data, i);
    }

    List<KinesisClientRecord> users = deaggregate(aggregate.encode(), "key-7");

    assertThat(users).hasSize(200);
    for (int i = 0; i < 200; i++) {
      assertThat(users.get(i).aggregated()).isTrue();
      assertThat(users.get(i).partitionKey()).isEqualTo("key-7");
      assertThat(users.get(i).subSequenceNumber()).isEqualTo(i);
      assertThat(bytes(users.get(i).data())).isEqualTo(inputs.get(i));
    }
  }

  @Test
  void encode_recordsNeedingMultiByteLengths_deaggregateByteExact() {
    Random random = new Random(42);
    KplAggregate aggregate = new KplAggregate("k");
    List<byte[]> inputs = new ArrayList<>();
    for (int size : new int[] {0, 1, 127, 128, 16_383, 16_384, 300_000}) {
      byte[] data = new byte[size];
      random.nextBytes(data);
      inputs.add(data);
      aggregate.add(data, inputs.size() - 1);
    }

    List<KinesisClientRecord> users = deaggregate(aggregate.encode(), "k");

    assertThat(users).extracting(r -> bytes(r.data())).containsExactlyElementsOf(inputs);
  }

  @Test
  void encode_sizeMatchesWhatTheAccountingPredicted() {
    KplAggregate aggregate = new KplAggregate("ключ");
    long predicted = aggregate.encodedBytes();
    for (int size : new int[] {5, 200, 70_000}) {
      predicted = aggregate.encodedBytesWith(size);
      aggregate.add(new byte[size], 0);
    }

    byte[] encoded = aggregate.encode();

    assertThat(encoded).hasSize((int) predicted);
    assertThat(Arrays.copyOf(encoded, 4)).isEqualTo(KplAggregate.MAGIC);
  }

  @Test
  void encode_knownInput_matchesTheFixtureBytes() throws Exception {
    KplAggregate aggregate = new KplAggregate("pk");
    aggregate.add("a".getBytes(StandardCharsets.UTF_8), 0);
    aggregate.add("bc".getBytes(StandardCharsets.UTF_8), 1);

    String hex = HexFormat.of().formatHex(aggregate.encode());

    assertThat(hex).isEqualTo(Fixtures.text("kpl/two-records.hex").strip());
  }

  @Test
  void encode_corruptedDigest_isNotTakenForAnAggregateByKcl() {
    KplAggregate aggregate = new KplAggregate("k");
    aggregate.add("one".getBytes(StandardCharsets.UTF_8), 0);
    aggregate.add("two".getBytes(StandardCharsets.UTF_8), 1);
    byte[] encoded = aggregate.encode();
    encoded[encoded.length - 1] ^= 0x01;

    List<KinesisClientRecord> users = deaggregate(encoded, "k");

    assertThat(users).hasSize(1);
    assertThat(users.getFirst().aggregated()).isFalse();
  }

  @Test
  void recordEntryBytes_neverExceedsTheDeclaredFraming() {
    int framing = KinesisLimits.entryFramingBytes();

    for (int size : new int[] {0, 127, 128, 16_384, 2_097_151 - 16}) {
      assertThat(KplAggregate.recordEntryBytes(size) - size).isLessThanOrEqualTo(framing);
    }
  }

  static List<KinesisClientRecord> deaggregate(byte[] data, String partitionKey) {
    KinesisClientRecord record =
        KinesisClientRecord.builder()
            .data(ByteBuffer.wrap(data))
            .partitionKey(partitionKey)
            .sequenceNumber("49590338271490256608559692538361571095921575989136588898")
            .build();
    return new AggregatorUtil().deaggregate(List.of(record), BigInteger.ZERO, LAST_HASH_KEY);
  }

  static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] out = new byte[copy.remaining()];
    copy.get(out);
    return out;
  }
}
