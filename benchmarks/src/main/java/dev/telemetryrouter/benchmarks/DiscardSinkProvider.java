package dev.telemetryrouter.benchmarks;

import dev.telemetryrouter.spi.sink.RecordEncoding;
import dev.telemetryrouter.spi.sink.SendContext;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkBatch;
import dev.telemetryrouter.spi.sink.SinkContext;
import dev.telemetryrouter.spi.sink.SinkLimits;
import dev.telemetryrouter.spi.sink.SinkProvider;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code type: discard}: a sink that accepts every batch at once and only counts it, so a benchmark
 * measures the engine (stages, encoding, buffering, batching) and not a destination.
 */
public final class DiscardSinkProvider implements SinkProvider {

  /** Records every discard sink of this process accepted. */
  public static final LongAdder DELIVERED = new LongAdder();

  // Firehose-like limits, so batching works as hard as it does for a real stream sink.
  private static final SinkLimits LIMITS = new SinkLimits(500, 4L << 20, 1_024_000, 1, 0);

  @Override
  public String type() {
    return "discard";
  }

  @Override
  public Sink create(SinkContext context) {
    return new Sink() {
      @Override
      public SinkLimits limits() {
        return LIMITS;
      }

      @Override
      public RecordEncoding encoding() {
        return RecordEncoding.JSON;
      }

      @Override
      public SendResult send(SinkBatch batch, SendContext sendContext) {
        DELIVERED.add(batch.size());
        return SendResult.allDelivered(batch.size());
      }

      @Override
      public void close() {}
    };
  }
}
