package dev.telemetryrouter.sink.testkit;

import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.sink.OutgoingRecord;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkBatch;
import dev.telemetryrouter.spi.sink.SinkLimits;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds records and batches for a sink as the engine would: each record encoded with the sink's
 * {@link RecordEncoding}, each batch's byte count taken from its {@link SinkLimits}, so a test can
 * fill a batch exactly to a limit.
 *
 * <p>Records are function log lines with a text payload and no {@code message} field, so that
 * padding the payload by one ASCII character grows the encoded data by exactly one byte in either
 * encoding. Every record carries a unique tag ({@code r000001}) at the start of its text and a
 * unique id, so what a destination received can be matched back. Not thread-safe.
 */
public final class BatchFactory {

  private final SinkLimits limits;
  private final RecordEncoding encoding;
  private final InstantSource clock;
  private int nextRecord = 1;
  private int nextBatch = 1;

  public BatchFactory(SinkLimits limits, RecordEncoding encoding, InstantSource clock) {
    this.limits = limits;
    this.encoding = encoding;
    this.clock = clock;
  }

  /** A factory for {@code sink}'s limits and encoding. */
  public static BatchFactory forSink(Sink sink, InstantSource clock) {
    return new BatchFactory(sink.limits(), sink.encoding(), clock);
  }

  public SinkLimits limits() {
    return limits;
  }

  /** A record whose text is its tag followed by {@code text}. */
  public OutgoingRecord record(String text) {
    int number = nextRecord++;
    return outgoing(telemetryRecord(tag(number) + text, number));
  }

  /** A record whose text is exactly {@code text}, with no tag (to test empty or odd text). */
  public OutgoingRecord untaggedRecord(String text) {
    return outgoing(telemetryRecord(text, nextRecord++));
  }

  /** An outgoing record, first attempt, for an arbitrary {@code record}. */
  public OutgoingRecord outgoing(TelemetryRecord record) {
    return new OutgoingRecord(record, RecordJson.encode(record, encoding), 0);
  }

  /**
   * A record whose encoded data is exactly {@code dataBytes} long.
   *
   * @throws IllegalArgumentException when {@code dataBytes} is below the smallest record this
   *     encoding can produce; the message gives that size
   */
  public OutgoingRecord recordOfDataBytes(long dataBytes) {
    int number = nextRecord++;
    String tag = tag(number);
    int smallest = RecordJson.encode(telemetryRecord(tag, number), encoding).length;
    if (dataBytes < smallest || dataBytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(
          "cannot build a record of " + dataBytes + " bytes: the smallest is " + smallest);
    }
    String text = tag + "x".repeat((int) (dataBytes - smallest));
    return outgoing(telemetryRecord(text, number));
  }

  /** A record whose cost ({@code data + recordOverheadBytes}) is exactly {@code costBytes}. */
  public OutgoingRecord recordOfCost(long costBytes) {
    return recordOfDataBytes(costBytes - limits.recordOverheadBytes());
  }

  /** {@code count} small records, {@code text} after each tag. */
  public List<OutgoingRecord> records(int count, String text) {
    List<OutgoingRecord> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      records.add(record(text));
    }
    return records;
  }

  /**
   * {@code count} records whose costs add up to exactly {@code totalCost}, as evenly as possible.
   *
   * @throws IllegalArgumentException when one of them would be over the per-record limit or under
   *     the smallest record
   */
  public List<OutgoingRecord> recordsOfTotalCost(int count, long totalCost) {
    long each = totalCost / count;
    long remainder = totalCost % count;
    if (each + (remainder > 0 ? 1 : 0) > limits.maxBytesPerRecord()) {
      throw new IllegalArgumentException(
          count + " records cannot cost " + totalCost + " bytes within " + limits);
    }
    List<OutgoingRecord> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      records.add(recordOfCost(each + (i < remainder ? 1 : 0)));
    }
    return records;
  }

  /** A new batch of {@code records} with a fresh id. */
  public SinkBatch batch(List<OutgoingRecord> records) {
    String id = String.format(Locale.ROOT, "batch-%04d", nextBatch++);
    return new SinkBatch(id, records, cost(records));
  }

  /**
   * The retry the engine would send: the records at {@code indices} of {@code batch}, each with its
   * attempt count raised by one, under the same batch id.
   */
  public SinkBatch retry(SinkBatch batch, List<Integer> indices) {
    List<OutgoingRecord> again = new ArrayList<>(indices.size());
    for (int index : indices) {
      OutgoingRecord record = batch.records().get(index);
      again.add(new OutgoingRecord(record.record(), record.data(), record.attempt() + 1));
    }
    return new SinkBatch(batch.id(), again, cost(again));
  }

  /** The size the engine counts for {@code records} as one batch, overheads included. */
  public long cost(List<OutgoingRecord> records) {
    long bytes = limits.batchOverheadBytes();
    for (OutgoingRecord record : records) {
      bytes += limits.recordCost(record.data().length);
    }
    return bytes;
  }

  /** The encoded data of {@code record} as UTF-8 text, as a destination would store it. */
  public static String dataText(OutgoingRecord record) {
    return new String(record.data(), StandardCharsets.UTF_8);
  }

  private static String tag(int number) {
    return String.format(Locale.ROOT, "r%06d ", number);
  }

  private TelemetryRecord telemetryRecord(String text, int number) {
    return TelemetryRecord.builder(clock.instant(), "function", text)
        .id(String.format(Locale.ROOT, "rec-%06d", number))
        .function(TestSinkContext.FUNCTION)
        .field(TelemetryRecord.REQUEST_ID, "8f5a3c1e-0000-4000-8000-000000000001")
        .field(TelemetryRecord.LEVEL, "INFO")
        .build();
  }
}
