package dev.telemetryrouter.sink.firehose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.telemetryrouter.sink.aws.AwsRequestRejectedException;
import dev.telemetryrouter.sink.aws.LoopbackHttpServer.Hang;
import dev.telemetryrouter.sink.aws.LoopbackHttpServer.Reset;
import dev.telemetryrouter.sink.testkit.BatchFactory;
import dev.telemetryrouter.sink.testkit.FakeClock;
import dev.telemetryrouter.spi.sink.OutgoingRecord;
import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.RetryableSinkException;
import dev.telemetryrouter.spi.sink.SendContext;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkBatch;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per failure mode, against {@link FakeFirehose} on 127.0.0.1. */
class FirehoseSinkTest {

  private static final String STREAM = "logs-stream";

  private final FakeClock clock = new FakeClock();
  private FakeFirehose firehose;
  private Sink sink;
  private BatchFactory factory;

  @BeforeEach
  void start() throws Exception {
    firehose = FakeFirehose.start(STREAM);
    sink = startSink(Map.of());
    factory = BatchFactory.forSink(sink, clock);
  }

  @AfterEach
  void stop() throws Exception {
    sink.close();
    firehose.close();
  }

  @Test
  void send_batch_putsCompactJsonWithOneNewlineEach() throws Exception {
    SinkBatch batch = batchOf("{\"message\":\"first\"}", "{\"message\":\"second\"}");

    SendResult result = send(batch);

    assertThat(result.outcomes()).containsOnly(RecordOutcome.DELIVERED).hasSize(2);
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(firehose.bodies().getFirst()))
        .isEqualTo(json.readTree(fixture("put-record-batch-request.json")));
  }

  @Test
  void send_recordAlreadyEndingWithNewline_isNotDelimitedTwice() throws Exception {
    SinkBatch batch = batchOf("plain text line\n");

    send(batch);

    assertThat(storedTexts()).containsExactly("plain text line\n");
  }

  @ParameterizedTest
  @CsvSource(
      value = {"';'|1|{\"a\":1};", "''|0|{\"a\":1}"},
      delimiter = '|')
  void send_configuredDelimiter_replacesTheNewline(String delimiter, int overhead, String stored)
      throws Exception {
    sink.close();
    sink = startSink(Map.of("delimiter", delimiter));

    send(batchOf("{\"a\":1}"));

    assertThat(sink.limits().recordOverheadBytes()).isEqualTo(overhead);
    assertThat(storedTexts()).containsExactly(stored);
  }

  @Test
  void send_partialFailure_reportsOnlyFailedEntriesRetryableInOrder() throws Exception {
    SinkBatch batch = factory.batch(factory.records(5, "partial"));
    firehose.then(new FakeFirehose.FailRecords(Set.of(0, 3), "ServiceUnavailableException"));

    SendResult result = send(batch);

    List<RecordOutcome> outcomes = result.outcomes();
    assertThat(outcomes).hasSize(5);
    assertThat(outcomes.get(0)).isEqualTo(RecordOutcome.retryable("ServiceUnavailableException"));
    assertThat(outcomes.get(3)).isEqualTo(RecordOutcome.retryable("ServiceUnavailableException"));
    assertThat(List.of(outcomes.get(1), outcomes.get(2), outcomes.get(4)))
        .containsOnly(RecordOutcome.DELIVERED);
    assertThat(firehose.stored()).hasSize(3);
  }

  @Test
  void send_partialInternalFailure_isRetryable() throws Exception {
    SinkBatch batch = factory.batch(factory.records(2, "internal"));
    firehose.then(new FakeFirehose.FailRecords(Set.of(1), "InternalFailure"));

    SendResult result = send(batch);

    assertThat(result.outcomes())
        .containsExactly(RecordOutcome.DELIVERED, RecordOutcome.retryable("InternalFailure"));
  }

  @Test
  void send_throttled_throwsRetryable() {
    firehose.then(new FakeFirehose.Fail(503, "ServiceUnavailableException"));

    assertThatThrownBy(() -> send(factory.batch(factory.records(3, "throttled"))))
        .isInstanceOf(RetryableSinkException.class)
        .hasMessageContaining("ServiceUnavailableException");
    assertThat(firehose.stored()).isEmpty();
  }

  @Test
  void send_serverError_throwsRetryable() {
    firehose.then(new FakeFirehose.Fail(500, "InternalFailure"));

    assertThatThrownBy(() -> send(factory.batch(factory.records(1, "5xx"))))
        .isInstanceOf(RetryableSinkException.class)
        .hasMessageContaining("HTTP 500");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ResourceNotFoundException",
        "InvalidArgumentException",
        "InvalidKMSResourceException"
      })
  void send_refusedForGood_isFinal(String errorType) {
    firehose.then(new FakeFirehose.Fail(400, errorType));

    assertThatThrownBy(() -> send(factory.batch(factory.records(2, "final"))))
        .isInstanceOf(AwsRequestRejectedException.class)
        .hasMessageContaining(errorType);
  }

  @Test
  void send_unknownStream_isFinalAndSaysWhatToCheck() throws Exception {
    sink.close();
    sink = startSink(Map.of("stream", "no-such-stream"));

    assertThatThrownBy(() -> send(factory.batch(factory.records(1, "lost"))))
        .isInstanceOf(AwsRequestRejectedException.class)
        .hasMessageContaining("ResourceNotFoundException")
        .hasMessageContaining("region");
  }

  @Test
  void send_answerSlowerThanDeadline_throwsRetryableTimeout() {
    firehose.then(new FakeFirehose.Fault(new Hang()));
    SinkBatch batch = factory.batch(factory.records(1, "slow"));
    SendContext shortDeadline = new SendContext(clock.instant().plusMillis(300), 0, clock);

    assertThatThrownBy(() -> sink.send(batch, shortDeadline))
        .isInstanceOf(RetryableSinkException.class)
        .hasMessageContaining("timeout");
  }

  @Test
  void send_connectionResetOnce_isRetriedOnFreshConnectionAndDelivered() throws Exception {
    firehose.then(new FakeFirehose.Fault(new Reset()));
    SinkBatch batch = factory.batch(factory.records(2, "reset once"));

    SendResult result = send(batch);

    assertThat(result.outcomes()).containsOnly(RecordOutcome.DELIVERED);
    assertThat(firehose.server().requests()).isEqualTo(2);
    assertThat(firehose.server().connections()).isEqualTo(2);
    assertThat(firehose.stored()).hasSize(2);
  }

  @Test
  void send_connectionResetTwice_throwsRetryable() {
    firehose.then(new FakeFirehose.Fault(new Reset()), new FakeFirehose.Fault(new Reset()));

    assertThatThrownBy(() -> send(factory.batch(factory.records(1, "reset twice"))))
        .isInstanceOf(RetryableSinkException.class)
        .hasMessageContaining("I/O error");
    assertThat(firehose.stored()).isEmpty();
  }

  @Test
  void send_afterPooledConnectionDiedInFreeze_deliversOnFreshConnection() throws Exception {
    send(factory.batch(factory.records(1, "before freeze")));
    firehose.server().resetOpenConnections();

    SendResult result = send(factory.batch(factory.records(1, "after thaw")));

    assertThat(result.outcomes()).containsOnly(RecordOutcome.DELIVERED);
    assertThat(firehose.server().connections()).isEqualTo(2);
    assertThat(firehose.stored()).hasSize(2);
  }

  @Test
  void fake_batchOverTheLimits_isRefused() throws Exception {
    BatchFactory unbounded =
        new BatchFactory(
            new dev.telemetryrouter.spi.sink.SinkLimits(501, 8_000_000, 1_100_000, 1, 0),
            sink.encoding(),
            clock);
    SinkBatch tooMany = unbounded.batch(unbounded.records(501, "over"));
    SinkBatch recordTooLarge = unbounded.batch(List.of(unbounded.recordOfCost(1_024_001)));

    assertThatThrownBy(() -> send(tooMany)).isInstanceOf(AwsRequestRejectedException.class);
    assertThatThrownBy(() -> send(recordTooLarge)).isInstanceOf(AwsRequestRejectedException.class);
    assertThat(firehose.limitRefusals()).hasSize(2);
  }

  private Sink startSink(Map<String, String> overrides) throws Exception {
    Map<String, Object> options = new java.util.LinkedHashMap<>();
    options.put("stream", STREAM);
    options.put("endpoint", firehose.url());
    options.putAll(overrides);
    return FirehoseTesting.startedSink(FirehoseTesting.context(options, clock));
  }

  private SendResult send(SinkBatch batch) throws Exception {
    return sink.send(batch, new SendContext(clock.instant().plusSeconds(30), 0, clock));
  }

  private SinkBatch batchOf(String... texts) {
    List<OutgoingRecord> records =
        java.util.Arrays.stream(texts)
            .map(
                text ->
                    new OutgoingRecord(
                        factory.record(text).record(), text.getBytes(StandardCharsets.UTF_8), 0))
            .toList();
    return factory.batch(records);
  }

  private List<String> storedTexts() {
    return firehose.stored().stream().map(d -> new String(d, StandardCharsets.UTF_8)).toList();
  }

  private static byte[] fixture(String name) throws Exception {
    try (InputStream in = FirehoseSinkTest.class.getResourceAsStream("/firehose/" + name)) {
      return in.readAllBytes();
    }
  }
}
