package dev.telemetryrouter.core.engine;

import dev.telemetryrouter.spi.sink.OutgoingRecord;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.SendContext;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkBatch;
import dev.telemetryrouter.spi.sink.SinkLimits;
import java.util.ArrayList;
import java.util.List;

/** A sink that records what it is sent and answers as its behaviour says; thread-safe. */
final class FakeSink implements Sink {

  /** What the destination does with one batch. */
  @FunctionalInterface
  interface Behaviour {
    SendResult send(SinkBatch batch, SendContext context) throws Exception;
  }

  static final SinkLimits ROOMY = new SinkLimits(500, 4_000_000, 1_000_000, 1, 0);

  private final SinkLimits limits;
  private final RecordEncoding encoding;
  private volatile Behaviour behaviour = (batch, context) -> SendResult.allDelivered(batch.size());
  private final List<SinkBatch> batches = new ArrayList<>();
  private final List<SendContext> contexts = new ArrayList<>();
  private final List<String> deliveredIds = new ArrayList<>();
  private final List<OutgoingRecord> delivered = new ArrayList<>();
  private int starts;
  private boolean closed;

  FakeSink() {
    this(ROOMY, RecordEncoding.JSON);
  }

  FakeSink(SinkLimits limits, RecordEncoding encoding) {
    this.limits = limits;
    this.encoding = encoding;
  }

  FakeSink behave(Behaviour behaviour) {
    this.behaviour = behaviour;
    return this;
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
  public synchronized void start() {
    starts++;
  }

  @Override
  public SendResult send(SinkBatch batch, SendContext context) throws Exception {
    synchronized (this) {
      batches.add(batch);
      contexts.add(context);
    }
    SendResult result = behaviour.send(batch, context);
    synchronized (this) {
      for (int i = 0; i < result.outcomes().size(); i++) {
        if (result.outcomes().get(i) instanceof RecordOutcome.Delivered) {
          deliveredIds.add(batch.records().get(i).id());
          delivered.add(batch.records().get(i));
        }
      }
    }
    return result;
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  synchronized List<SinkBatch> batches() {
    return List.copyOf(batches);
  }

  synchronized List<SendContext> contexts() {
    return List.copyOf(contexts);
  }

  synchronized List<String> deliveredIds() {
    return List.copyOf(deliveredIds);
  }

  synchronized List<OutgoingRecord> delivered() {
    return List.copyOf(delivered);
  }

  synchronized int starts() {
    return starts;
  }

  synchronized boolean closed() {
    return closed;
  }
}
