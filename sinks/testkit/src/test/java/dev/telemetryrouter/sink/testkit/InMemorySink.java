package dev.telemetryrouter.sink.testkit;

import dev.telemetryrouter.spi.sink.OutgoingRecord;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.RetryableSinkException;
import dev.telemetryrouter.spi.sink.SendContext;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkBatch;
import dev.telemetryrouter.spi.sink.SinkLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A sink over a list, scriptable to fail, that proves the kit's own contract tests can pass. */
final class InMemorySink implements Sink {

  private final SinkLimits limits;
  private final RecordEncoding encoding;
  private final List<String> store;
  private Set<Integer> failIndices = Set.of();
  private boolean failWhole;
  private boolean closed;

  InMemorySink(SinkLimits limits, RecordEncoding encoding, List<String> store) {
    this.limits = limits;
    this.encoding = encoding;
    this.store = store;
  }

  void failNext(Set<Integer> indices) {
    failIndices = Set.copyOf(indices);
  }

  void failWholeNext() {
    failWhole = true;
  }

  @Override
  public SinkLimits limits() {
    return limits;
  }

  @Override
  public RecordEncoding encoding() {
    return encoding;
  }

  @Override
  public SendResult send(SinkBatch batch, SendContext context) throws Exception {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    if (failWhole) {
      failWhole = false;
      throw new RetryableSinkException("HTTP 503", null);
    }

    List<RecordOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      if (failIndices.contains(i)) {
        outcomes.add(RecordOutcome.retryable("throttled"));
      } else {
        OutgoingRecord record = batch.records().get(i);
        store.add(new String(record.data(), StandardCharsets.UTF_8));
        outcomes.add(RecordOutcome.DELIVERED);
      }
    }
    failIndices = Set.of();
    return SendResult.of(outcomes);
  }

  @Override
  public void close() {
    closed = true;
  }
}
