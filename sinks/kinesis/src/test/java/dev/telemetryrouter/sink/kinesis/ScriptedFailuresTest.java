package dev.telemetryrouter.sink.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telemetryrouter.sink.aws.AwsRequestRejectedException;
import dev.telemetryrouter.spi.sink.OutgoingRecord;
import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.RetryableSinkException;
import dev.telemetryrouter.spi.sink.SendContext;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Failure modes the emulator cannot produce on demand, one test each, against a scripted server.
 */
class ScriptedFailuresTest {

  private ScriptedKinesisServer server;
  private final List<Sink> sinks = new ArrayList<>();

  @BeforeEach
  void startServer() throws Exception {
    server = new ScriptedKinesisServer();
  }

  @AfterEach
  void stop() throws Exception {
    sinks.forEach(Sink::close);
    server.close();
  }

  @Test
  void send_someRecordsThrottled_reportsOnlyThoseRetryableInBatchOrder() throws Exception {
    Sink sink = sink(false, null);
    server.failRecordsNext(Set.of(1, 3), "ProvisionedThroughputExceededException");
    List<OutgoingRecord> records = records(5);

    SendResult result = TestSinks.send(sink, new SinkBatch("b", records, 0), 0);

    assertThat(result.outcomes())
        .containsExactly(
            RecordOutcome.DELIVERED,
            RecordOutcome.retryable("ProvisionedThroughputExceededException"),
            RecordOutcome.DELIVERED,
            RecordOutcome.retryable("ProvisionedThroughputExceededException"),
            RecordOutcome.DELIVERED);
    assertThat(storedTexts()).containsExactly("record 0", "record 2", "record 4");
  }

  @Test
  void send_internalFailureOnOneRecord_isRetryable() throws Exception {
    Sink sink = sink(false, null);
    server.failRecordsNext(Set.of(0), "InternalFailure");

    SendResult result = TestSinks.send(sink, new SinkBatch("b", records(2), 0), 0);

    assertThat(result.outcomes())
        .containsExactly(RecordOutcome.retryable("InternalFailure"), RecordOutcome.DELIVERED);
  }

  @Test
  void send_unknownPerRecordError_isRejectedNotRetried() throws Exception {
    Sink sink = sink(false, null);
    server.failRecordsNext(Set.of(1), "ValidationError");

    SendResult result = TestSinks.send(sink, new SinkBatch("b", records(2), 0), 0);

    assertThat(result.outcomes().get(1)).isInstanceOf(RecordOutcome.Rejected.class);
    assertThat(((RecordOutcome.Rejected) result.outcomes().get(1)).reason())
        .startsWith("ValidationError: scripted");
  }

  @Test
  void retry_ofThrottledRecords_keepsEachRecordsPartitionKey() throws Exception {
    Sink sink = sink(false, null);
    server.failRecordsNext(Set.of(0, 2), "ProvisionedThroughputExceededException");
    List<OutgoingRecord> records = records(3);
    TestSinks.send(sink, new SinkBatch("b", records, 0), 0);

    List<OutgoingRecord> again = List.of(retry(records.get(0)), retry(records.get(2)));
    SendResult second = TestSinks.send(sink, new SinkBatch("b", again, 0), 1);

    assertThat(second.outcomes()).containsOnly(RecordOutcome.DELIVERED);
    List<ScriptedKinesisServer.Received> requests = server.requests();
    assertThat(requests.get(1).records().get(0).partitionKey())
        .isEqualTo(requests.get(0).records().get(0).partitionKey());
    assertThat(requests.get(1).records().get(1).partitionKey())
        .isEqualTo(requests.get(0).records().get(2).partitionKey());
    assertThat(storedTexts()).containsExactlyInAnyOrder("record 0", "record 1", "record 2");
  }

  @Test
  void send_aggregateThrottled_reportsEveryUserRecordInsideItRetryable() throws Exception {
    Sink sink = sink(true, "{message}");
    server.failRecordsNext(Set.of(1), "ProvisionedThroughputExceededException");
    List<OutgoingRecord> records =
        List.of(
            TestRecords.outgoing("a1", "alpha"),
            TestRecords.outgoing("b1", "beta"),
            TestRecords.outgoing("a2", "alpha"),
            TestRecords.outgoing("b2", "beta"));

    SendResult result = TestSinks.send(sink, new SinkBatch("b", records, 0), 0);

    RecordOutcome throttled = RecordOutcome.retryable("ProvisionedThroughputExceededException");
    assertThat(result.outcomes())
        .containsExactly(RecordOutcome.DELIVERED, throttled, RecordOutcome.DELIVERED, throttled);
    assertThat(server.requests().getFirst().records())
        .extracting(ScriptedKinesisServer.Stored::partitionKey)
        .containsExactly("alpha", "beta");
  }

  @ParameterizedTest(name = "HTTP {0} {1} -> retryable={2}")
  @CsvSource({
    "500, InternalFailure, true",
    "503, ServiceUnavailableException, true",
    "400, ProvisionedThroughputExceededException, true",
    "400, KMSThrottlingException, true",
    "400, LimitExceededException, true",
    "400, ResourceNotFoundException, false",
    "400, InvalidArgumentException, false",
    "400, KMSAccessDeniedException, false",
    "400, KMSDisabledException, false",
    "400, KMSNotFoundException, false",
  })
  void send_wholeCallError_isClassifiedAsSinkLimitsSays(int status, String code, boolean retryable)
      throws Exception {
    Sink sink = sink(false, null);
    server.failCallNext(status, "errors/" + code + ".json");

    Throwable thrown = catchSend(sink, records(2));

    assertThat(thrown)
        .isInstanceOf(retryable ? RetryableSinkException.class : AwsRequestRejectedException.class)
        .hasMessageContaining(code);
    assertThat(server.stored()).isEmpty();
  }

  @Test
  void send_connectionResetOnce_isResentOnAFreshConnectionAndStoredOnce() throws Exception {
    Sink sink = sink(false, null);
    TestSinks.send(sink, new SinkBatch("warm", records(1), 0), 0);
    server.resetNext();

    SendResult result = TestSinks.send(sink, new SinkBatch("b", records(3), 0), 0);

    assertThat(result.outcomes()).containsOnly(RecordOutcome.DELIVERED);
    assertThat(storedTexts()).containsExactly("record 0", "record 0", "record 1", "record 2");
  }

  @Test
  void send_connectionResetTwice_isRetryableForTheEngine() throws Exception {
    Sink sink = sink(false, null);
    server.resetNext();
    server.resetNext();

    Throwable thrown = catchSend(sink, records(2));

    assertThat(thrown).isInstanceOf(RetryableSinkException.class).hasMessageContaining("I/O");
    assertThat(server.stored()).isEmpty();
  }

  @Test
  void send_noTimeLeftBeforeTheDeadline_isRetryableWithoutARequest() throws Exception {
    Sink sink = sink(false, null);
    SendContext late = new SendContext(TestSinks.CLOCK.instant(), 0, TestSinks.CLOCK);

    assertThatThrownBy(() -> sink.send(new SinkBatch("b", records(1), 0), late))
        .isInstanceOf(RetryableSinkException.class);
    assertThat(server.requests()).isEmpty();
  }

  private Throwable catchSend(Sink sink, List<OutgoingRecord> records) {
    try {
      TestSinks.send(sink, new SinkBatch("b", records, 0), 0);
    } catch (Exception e) {
      return e;
    }
    throw new AssertionError("the send was expected to fail");
  }

  private Sink sink(boolean aggregation, @Nullable String partitionKey) throws Exception {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("stream", "logs");
    options.put("endpoint", server.endpoint().toString());
    options.put("aggregation", aggregation);
    if (partitionKey != null) {
      options.put("partition_key", partitionKey);
    }
    Sink sink = TestSinks.started(options);
    sinks.add(sink);
    return sink;
  }

  private static List<OutgoingRecord> records(int count) {
    List<OutgoingRecord> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      records.add(TestRecords.outgoing("id-" + i, "record " + i));
    }
    return records;
  }

  private static OutgoingRecord retry(OutgoingRecord record) {
    return new OutgoingRecord(record.record(), record.data(), record.attempt() + 1);
  }

  private List<String> storedTexts() {
    List<String> texts = new ArrayList<>();
    for (ScriptedKinesisServer.Stored stored : server.stored()) {
      texts.add(new String(stored.data(), StandardCharsets.UTF_8));
    }
    return texts;
  }
}
