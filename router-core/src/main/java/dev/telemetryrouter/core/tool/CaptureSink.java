package dev.telemetryrouter.core.tool;

import dev.telemetryrouter.spi.sink.OutgoingRecord;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import dev.telemetryrouter.spi.sink.SendContext;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkBatch;
import dev.telemetryrouter.spi.sink.SinkLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Stands in for a real sink during a dry run: it declares the real sink's limits and encoding, so
 * the engine batches, encodes and truncates exactly as it would, and keeps every batch in memory
 * instead of sending it. The real sink is never started and never sends.
 */
final class CaptureSink implements Sink {

  /**
   * One batch as the engine cut it.
   *
   * @param dataBytes the records' encoded bytes, as the accounting line's {@code bytes=} counts
   *     them when they are delivered
   * @param countedBytes the size the engine counted against the batch limit: the data plus the
   *     framing the sink declares per record and per batch ({@link SinkLimits})
   * @param lines each record's encoded bytes as UTF-8 text
   * @param ids each record's id, in the same order
   */
  record Batch(long dataBytes, long countedBytes, List<String> lines, List<String> ids) {}

  private final SinkLimits limits;
  private final RecordEncoding encoding;
  private final List<Batch> batches = new ArrayList<>();

  /** Reads {@code real}'s declared limits and encoding; nothing else of it is used. */
  CaptureSink(Sink real) {
    this.limits = real.limits();
    this.encoding = real.encoding();
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
  public SendResult send(SinkBatch batch, SendContext context) {
    List<String> lines = new ArrayList<>(batch.size());
    List<String> ids = new ArrayList<>(batch.size());
    long dataBytes = 0;
    for (OutgoingRecord record : batch.records()) {
      lines.add(new String(record.data(), StandardCharsets.UTF_8));
      ids.add(record.id());
      dataBytes += record.data().length;
    }
    batches.add(new Batch(dataBytes, batch.bytes(), List.copyOf(lines), List.copyOf(ids)));
    return SendResult.allDelivered(batch.size());
  }

  /** The batches received so far, in order. */
  List<Batch> batches() {
    return List.copyOf(batches);
  }

  @Override
  public void close() {}
}
