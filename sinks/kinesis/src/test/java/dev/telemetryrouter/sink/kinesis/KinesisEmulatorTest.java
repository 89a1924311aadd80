package dev.telemetryrouter.sink.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telemetryrouter.sink.aws.AwsRequestRejectedException;
import dev.telemetryrouter.spi.FieldPath;
import dev.telemetryrouter.spi.sink.OutgoingRecord;
import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sink against the real kinesis-local emulator, read back as a consumer would. */
@ExtendWith(KinesisLocalExtension.class)
class KinesisEmulatorTest {

  private final EmulatorStreams streams = KinesisLocalExtension.streams();

  @Test
  void send_randomKeys_storesEveryRecordOnceSpreadOverShards() throws Exception {
    String stream = streams.create(4);
    List<OutgoingRecord> records = records(300, "plain");

    SendResult result;
    try (Sink sink = TestSinks.started(options(stream, false, null))) {
      result = TestSinks.send(sink, new SinkBatch("b1", records, 0), 0);
    }
    List<EmulatorStreams.Read> read = streams.readRaw(stream);

    assertThat(result.outcomes()).containsOnly(RecordOutcome.DELIVERED).hasSize(300);
    assertThat(texts(read)).containsExactlyInAnyOrderElementsOf(texts(records));
    assertThat(read.stream().map(EmulatorStreams.Read::shardId).distinct()).hasSize(4);
    assertThat(read.stream().map(r -> r.record().partitionKey()).distinct()).hasSize(300);
  }

  @Test
  void send_aggregated_kclDeaggregatesEveryRecordOnceFromFewKinesisRecords() throws Exception {
    String stream = streams.create(4);
    List<OutgoingRecord> records = records(3_000, "aggregated");

    SendResult result;
    try (Sink sink = TestSinks.started(options(stream, true, null))) {
      result = TestSinks.send(sink, new SinkBatch("b1", records, 0), 0);
    }
    List<EmulatorStreams.Read> raw = streams.readRaw(stream);
    List<EmulatorStreams.Read> users = streams.readDeaggregated(stream);

    assertThat(result.outcomes()).containsOnly(RecordOutcome.DELIVERED).hasSize(3_000);
    assertThat(raw).hasSize(1);
    assertThat(users).allMatch(r -> r.record().aggregated());
    assertThat(texts(users)).containsExactlyElementsOf(texts(records));
  }

  @Test
  void send_aggregatedWithKeyTemplate_keepsEachTenantOnOneShardInOrder() throws Exception {
    String stream = streams.create(4);
    List<OutgoingRecord> records = new ArrayList<>();
    List<String> tenants = List.of("acme", "globex", "initech", "umbrella", "hooli");
    for (int i = 0; i < 100; i++) {
      records.add(withTenant(TestRecords.outgoing("t-" + i, "event " + i), tenants.get(i % 5)));
    }

    try (Sink sink = TestSinks.started(options(stream, true, "tenant-{tenant}"))) {
      TestSinks.send(sink, new SinkBatch("b1", records.subList(0, 50), 0), 0);
      TestSinks.send(sink, new SinkBatch("b2", records.subList(50, 100), 0), 0);
    }
    List<EmulatorStreams.Read> users = streams.readDeaggregated(stream);

    assertThat(texts(users)).containsExactlyInAnyOrderElementsOf(texts(records));
    for (String tenant : tenants) {
      List<EmulatorStreams.Read> ofTenant =
          users.stream().filter(r -> r.record().partitionKey().equals("tenant-" + tenant)).toList();
      assertThat(ofTenant).hasSize(20);
      assertThat(ofTenant.stream().map(EmulatorStreams.Read::shardId).distinct()).hasSize(1);
      assertThat(texts(ofTenant)).isSortedAccordingTo(KinesisEmulatorTest::byEventNumber);
    }
  }

  @Test
  void send_streamArn_deliversToThatStream() throws Exception {
    String stream = streams.create(1);
    String arn = "arn:aws:kinesis:us-east-1:" + KinesisLocal.ACCOUNT + ":stream/" + stream;
    List<OutgoingRecord> records = records(3, "by-arn");

    try (Sink sink = TestSinks.started(options(arn, false, null))) {
      TestSinks.send(sink, new SinkBatch("b1", records, 0), 0);
    }

    assertThat(texts(streams.readRaw(stream))).containsExactlyElementsOf(texts(records));
  }

  @Test
  void send_streamThatDoesNotExist_failsTheBatchForGood() throws Exception {
    List<OutgoingRecord> records = records(2, "lost");

    try (Sink sink = TestSinks.started(options("no-such-stream", false, null))) {
      assertThatThrownBy(() -> TestSinks.send(sink, new SinkBatch("b1", records, 0), 0))
          .isInstanceOf(AwsRequestRejectedException.class)
          .hasMessageContaining("ResourceNotFoundException")
          .hasMessageContaining("check the stream");
    }
  }

  private static int byEventNumber(String left, String right) {
    return Integer.compare(number(left), number(right));
  }

  private static int number(String text) {
    return Integer.parseInt(text.substring(text.lastIndexOf(' ') + 1));
  }

  private static List<OutgoingRecord> records(int count, String prefix) {
    List<OutgoingRecord> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      records.add(
          TestRecords.outgoing(prefix + "-" + i, "{\"message\":\"" + prefix + " " + i + " ü\"}"));
    }
    return records;
  }

  private static Map<String, Object> options(
      String stream, boolean aggregation, @Nullable String key) {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("stream", stream);
    options.put("endpoint", KinesisLocalExtension.endpoint().toString());
    options.put("aggregation", aggregation);
    if (key != null) {
      options.put("partition_key", key);
    }
    return options;
  }

  private static List<String> texts(List<?> items) {
    return items.stream()
        .map(
            item ->
                switch (item) {
                  case OutgoingRecord r -> new String(r.data(), StandardCharsets.UTF_8);
                  case EmulatorStreams.Read r ->
                      new String(KplAggregateTest.bytes(r.record().data()), StandardCharsets.UTF_8);
                  default -> throw new IllegalArgumentException(item.toString());
                })
        .collect(Collectors.toList());
  }

  static OutgoingRecord withTenant(OutgoingRecord record, String tenant) {
    return new OutgoingRecord(
        record.record().with(FieldPath.parse("tenant"), tenant), record.data(), 0);
  }
}
