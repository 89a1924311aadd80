package dev.telemetryrouter.sink.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.telemetryrouter.spi.sink.OutgoingRecord;
import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkBatch;
import dev.telemetryrouter.spi.sink.SinkLimits;
import dev.telemetryrouter.spi.sink.SinkProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract every sink honours, as JUnit tests a sink module's test class inherits. Extend it,
 * implement the three required hooks of {@link SinkContractHooks} ({@link #provider()}, {@link
 * #options()}, {@link #received()}), and override the optional ones the destination can support; a
 * test that needs an optional hook the subclass did not override is skipped with a message that
 * names the hook.
 *
 * <p>Each test creates its sinks through the provider with a {@link TestSinkContext}, starts them,
 * sends batches built by a {@link BatchFactory} with the sink's own limits and encoding, and closes
 * them afterwards. Set the destination up fresh for each test in the subclass's {@code BeforeEach}:
 * {@link #received()} must list only what this test sent.
 */
public abstract class SinkContractTest extends SinkContractEdgeCases {

  @Test
  void limits_areConsistentAndConstant() {
    Sink sink = createStartedSink();

    SinkLimits limits = sink.limits();

    assertThat(sink.limits()).as("limits() must not change").isEqualTo(limits);
    assertThat(sink.encoding()).isNotNull().isEqualTo(sink.encoding());
    long smallestFullBatch =
        limits.batchOverheadBytes()
            + (long) limits.maxRecordsPerBatch() * (limits.recordOverheadBytes() + 1);
    assertThat(smallestFullBatch)
        .as("a batch of maxRecordsPerBatch one-byte records must fit maxBytesPerBatch: %s", limits)
        .isLessThanOrEqualTo(limits.maxBytesPerBatch());
    assertThat(limits.maxBytesPerRecord())
        .as("a record's overhead must leave room for data: %s", limits)
        .isGreaterThan(limits.recordOverheadBytes());
  }

  @Test
  void provider_isRegisteredWithServiceLoader() {
    Assumptions.assumeTrue(
        registeredWithServiceLoader(), "the provider under test is not meant to be registered");
    SinkProvider provider = provider();

    List<String> registered =
        ServiceLoader.load(SinkProvider.class).stream()
            .map(ServiceLoader.Provider::type)
            .map(Class::getName)
            .toList();

    assertThat(registered)
        .as("META-INF/services/%s must list it", SinkProvider.class.getName())
        .contains(provider.getClass().getName());
    assertThat(provider.type()).matches("[a-z][a-z0-9_]*");
  }

  @Test
  void create_withValidOptions_recordsNoProblemAndReadsEveryKey() {
    TestSinkContext context = context(options());

    try (Sink sink = provider().create(context)) {
      assertThat(sink).isNotNull();
    }

    assertThat(context.problemLines()).isEmpty();
    assertThat(context.config().unknownKeys())
        .as("every option the contract test passes must be read by the provider")
        .isEmpty();
  }

  @Test
  void send_batchAtRecordLimit_deliversEveryRecordOnce() throws Exception {
    Sink sink = createStartedSink();
    BatchFactory factory = factory(sink);
    SinkBatch batch =
        factory.batch(factory.records(sink.limits().maxRecordsPerBatch(), "at count"));
    assertThat(batch.bytes()).isLessThanOrEqualTo(sink.limits().maxBytesPerBatch());

    SendResult result = send(sink, batch, 0);

    assertDeliveredOnce(result, batch);
  }

  @Test
  void send_batchAtByteLimit_deliversEveryRecordOnce() throws Exception {
    Sink sink = createStartedSink();
    BatchFactory factory = factory(sink);
    SinkLimits limits = sink.limits();
    long dataCost = limits.maxBytesPerBatch() - limits.batchOverheadBytes();
    long count = Math.ceilDiv(dataCost, limits.maxBytesPerRecord());
    Assumptions.assumeTrue(
        count <= limits.maxRecordsPerBatch(),
        () -> "maxBytesPerBatch cannot be reached within maxRecordsPerBatch: " + limits);
    SinkBatch batch = factory.batch(factory.recordsOfTotalCost((int) count, dataCost));
    assertThat(batch.bytes()).isEqualTo(limits.maxBytesPerBatch());

    SendResult result = send(sink, batch, 0);

    assertDeliveredOnce(result, batch);
  }

  @Test
  void send_recordAtByteLimitAlone_isDelivered() throws Exception {
    Sink sink = createStartedSink();
    BatchFactory factory = factory(sink);
    SinkBatch batch =
        factory.batch(List.of(factory.recordOfCost(sink.limits().maxBytesPerRecord())));

    SendResult result = send(sink, batch, 0);

    assertDeliveredOnce(result, batch);
  }

  @Test
  void send_success_reportsOneDeliveredOutcomePerRecordInBatchOrder() throws Exception {
    Sink sink = createStartedSink();
    BatchFactory factory = factory(sink);
    SinkBatch batch = factory.batch(factory.records(5, "in order"));

    SendResult result = send(sink, batch, 0);

    assertAllDelivered(result, batch);
    if (preservesOrder()) {
      assertThat(received()).containsExactlyElementsOf(texts(batch.records()));
    } else {
      assertReceivedExactlyOnce(batch.records());
    }
  }

  @Test
  void send_severalBatches_receivesEveryRecordOnce() throws Exception {
    Sink sink = createStartedSink();
    BatchFactory factory = factory(sink);
    List<SinkBatch> batches =
        IntStream.range(0, 3).mapToObj(i -> factory.batch(factory.records(4, "batch"))).toList();

    for (SinkBatch batch : batches) {
      assertAllDelivered(send(sink, batch, 0), batch);
    }

    assertReceivedExactlyOnce(batches.stream().flatMap(b -> b.records().stream()).toList());
  }

  @Test
  void send_afterPartialFailure_resendingOnlyRetryableDeliversEachOnce() throws Exception {
    Sink sink = createStartedSink();
    BatchFactory factory = factory(sink);
    SinkBatch batch = factory.batch(factory.records(6, "partial"));
    failRecordsOnNextSend(Set.of(1, 4));

    SendResult first = send(sink, batch, 0);
    Delivery delivery = deliverWithRetries(sink, factory, batch, first);

    assertThat(first.outcomes()).hasSize(batch.size());
    assertThat(first.outcomes().get(1)).isInstanceOf(RecordOutcome.Retryable.class);
    assertThat(first.outcomes().get(4)).isInstanceOf(RecordOutcome.Retryable.class);
    assertThat(delivery.delivered()).hasSize(batch.size());
    assertReceivedExactlyOnce(batch.records());
  }

  @Test
  void send_afterWholeRequestFailure_resendingDeliversEachOnce() throws Exception {
    Sink sink = createStartedSink();
    BatchFactory factory = factory(sink);
    SinkBatch batch = factory.batch(factory.records(3, "whole"));
    failWholeNextSend();

    SendResult first = sendCatchingRetryable(sink, batch, 0);
    Delivery delivery = deliverWithRetries(sink, factory, batch, first);

    assertThat(first.outcomes()).allMatch(o -> o instanceof RecordOutcome.Retryable);
    assertThat(delivery.rejected()).isEmpty();
    assertReceivedExactlyOnce(batch.records());
  }

  @Test
  void close_calledTwiceAfterSend_isHarmless() throws Exception {
    Sink sink = createStartedSink();
    BatchFactory factory = factory(sink);
    SinkBatch batch = factory.batch(factory.records(2, "before close"));
    send(sink, batch, 0);

    sink.close();

    assertThatCode(sink::close).doesNotThrowAnyException();
    assertReceivedExactlyOnce(batch.records());
  }

  @Test
  void close_withoutStartOrSend_isHarmless() {
    Sink sink = createSink(options());

    assertThatCode(
            () -> {
              sink.close();
              sink.close();
            })
        .doesNotThrowAnyException();
  }

  @Test
  void create_withUnroutableEndpoint_neitherFailsNorBlocks() {
    Map<String, Object> options = unroutableOptions();

    Sink sink =
        Assertions.assertTimeoutPreemptively(
            CREATE_BOUND,
            () -> createSink(options),
            "creating a sink must not connect anywhere: it ran past " + CREATE_BOUND);

    assertThatCode(sink::close).doesNotThrowAnyException();
  }

  /** Generous: creation does no I/O, so only a blocked connect could come near it. */
  private static final Duration CREATE_BOUND = Duration.ofSeconds(10);

  private static List<String> texts(List<OutgoingRecord> records) {
    return records.stream().map(BatchFactory::dataText).toList();
  }
}
