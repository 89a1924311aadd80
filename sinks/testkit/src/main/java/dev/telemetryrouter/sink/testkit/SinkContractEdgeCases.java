package dev.telemetryrouter.sink.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.spi.sink.OutgoingRecord;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkBatch;
import dev.telemetryrouter.spi.sink.SinkLimits;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Contract cases at the edges: odd text, both limits at once, failures at the first and last index.
 * Part of {@link SinkContractTest}; extend that, not this.
 */
public abstract class SinkContractEdgeCases extends SinkContractHooks {

  @Test
  void send_unicodeAndJsonSpecialText_isReceivedByteExact() throws Exception {
    Sink sink = createStartedSink();
    BatchFactory factory = factory(sink);
    SinkBatch batch =
        factory.batch(
            List.of(
                factory.record("grüße, 日本語, emoji 🚀, combining e\u0301"),
                factory.record("quote \" backslash \\ slash / braces {} [] end")));

    SendResult result = send(sink, batch, 0);

    assertDeliveredOnce(result, batch);
  }

  @Test
  void send_controlCharactersInJson_areReceivedEscaped() throws Exception {
    Sink sink = createStartedSink();
    Assumptions.assumeTrue(
        sink.encoding() == RecordEncoding.JSON,
        "only the JSON encoding promises text without raw control characters");
    BatchFactory factory = factory(sink);
    SinkBatch batch =
        factory.batch(
            List.of(
                factory.record("tab \t newline \n carriage return \r end"),
                factory.record("nul \u0000 bell \u0007 line separator \u2028 end")));

    SendResult result = send(sink, batch, 0);

    assertDeliveredOnce(result, batch);
  }

  @Test
  void send_emptyText_isDelivered() throws Exception {
    Sink sink = createStartedSink();
    BatchFactory factory = factory(sink);
    SinkBatch batch = factory.batch(List.of(factory.untaggedRecord(""), factory.record("after")));

    SendResult result = send(sink, batch, 0);

    assertDeliveredOnce(result, batch);
  }

  @Test
  void send_identicalTexts_areEachReceived() throws Exception {
    Sink sink = createStartedSink();
    BatchFactory factory = factory(sink);
    SinkBatch batch =
        factory.batch(
            List.of(
                factory.untaggedRecord("same line"),
                factory.untaggedRecord("same line"),
                factory.untaggedRecord("same line")));

    SendResult result = send(sink, batch, 0);

    assertDeliveredOnce(result, batch);
  }

  @Test
  void send_batchAtRecordAndByteLimitsAtOnce_deliversEveryRecordOnce() throws Exception {
    Sink sink = createStartedSink();
    BatchFactory factory = factory(sink);
    SinkLimits limits = sink.limits();
    long dataCost = limits.maxBytesPerBatch() - limits.batchOverheadBytes();
    List<OutgoingRecord> records = fillOrSkip(factory, limits.maxRecordsPerBatch(), dataCost);
    SinkBatch batch = factory.batch(records);
    assertThat(batch.bytes()).isEqualTo(limits.maxBytesPerBatch());

    SendResult result = send(sink, batch, 0);

    assertDeliveredOnce(result, batch);
  }

  @Test
  void send_afterFailureOfFirstAndLastRecord_resendDeliversEachOnce() throws Exception {
    Sink sink = createStartedSink();
    BatchFactory factory = factory(sink);
    SinkBatch batch = factory.batch(factory.records(5, "edges"));
    failRecordsOnNextSend(Set.of(0, 4));

    SendResult first = send(sink, batch, 0);
    Delivery delivery = deliverWithRetries(sink, factory, batch, first);

    assertThat(first.outcomes()).hasSize(5);
    assertThat(List.of(first.outcomes().get(0), first.outcomes().get(4)))
        .allMatch(outcome -> outcome instanceof RecordOutcome.Retryable);
    assertThat(first.outcomes().subList(1, 4)).containsOnly(RecordOutcome.DELIVERED);
    assertThat(delivery.delivered()).hasSize(batch.size());
    assertReceivedExactlyOnce(batch.records());
  }

  @Test
  void send_afterEveryRecordFailed_resendDeliversEachOnce() throws Exception {
    Sink sink = createStartedSink();
    BatchFactory factory = factory(sink);
    SinkBatch batch = factory.batch(factory.records(4, "all failed"));
    failRecordsOnNextSend(IntStream.range(0, 4).boxed().collect(Collectors.toSet()));

    SendResult first = send(sink, batch, 0);
    Delivery delivery = deliverWithRetries(sink, factory, batch, first);

    assertThat(first.outcomes()).allMatch(outcome -> outcome instanceof RecordOutcome.Retryable);
    assertThat(delivery.delivered()).hasSize(batch.size());
    assertReceivedExactlyOnce(batch.records());
  }

  private static List<OutgoingRecord> fillOrSkip(BatchFactory factory, int count, long cost) {
    try {
      return factory.recordsOfTotalCost(count, cost);
    } catch (IllegalArgumentException e) {
      return Assumptions.abort("both limits cannot be reached at once: " + e.getMessage());
    }
  }
}
