package dev.telemetryrouter.sink.stdout;

import dev.telemetryrouter.spi.sink.OutgoingRecord;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import dev.telemetryrouter.spi.sink.SendContext;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkBatch;
import dev.telemetryrouter.spi.sink.SinkLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;

/**
 * Writes each record as one line, {@code <prefix><compact JSON>\n}, to standard output. A batch is
 * assembled in memory and written with one call and a flush, so its lines are not interleaved with
 * other output and are out of the process before {@link #send} returns (nothing waits in a buffer
 * across a Lambda freeze).
 */
final class StdoutSink implements Sink {

  private static final System.Logger log = System.getLogger(StdoutSink.class.getName());

  /**
   * Lambda turns each stdout line into one CloudWatch Logs event, and PutLogEvents has accepted at
   * most 256 KB per event (newer quotas allow more); 256,000 bytes fits either reading of "KB".
   */
  static final long MAX_LINE_BYTES = 256_000;

  /** No API caps a batch; these bound the memory one write assembles. */
  static final int MAX_RECORDS_PER_BATCH = 10_000;

  static final long MAX_BATCH_BYTES = 4L * 1024 * 1024;

  private final String name;
  private final byte[] prefix;
  private final PrintStream out;
  private final SinkLimits limits;
  private boolean closed;

  StdoutSink(String name, String prefix, PrintStream out) {
    this.name = name;
    this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
    this.out = out;
    this.limits =
        new SinkLimits(
            MAX_RECORDS_PER_BATCH, MAX_BATCH_BYTES, MAX_LINE_BYTES, this.prefix.length + 1, 0);
  }

  @Override
  public SinkLimits limits() {
    return limits;
  }

  @Override
  public RecordEncoding encoding() {
    return RecordEncoding.JSON;
  }

  @Override
  public SendResult send(SinkBatch batch, SendContext context) throws IOException {
    if (closed) {
      throw new IllegalStateException("sink=" + name + " type=stdout is closed");
    }
    ByteArrayOutputStream lines = new ByteArrayOutputStream((int) Math.min(batch.bytes(), 1 << 20));
    for (OutgoingRecord record : batch.records()) {
      lines.write(prefix);
      lines.write(record.data());
      lines.write('\n');
    }

    // PrintStream hides I/O errors; checkError() flushes and reports them (a closed pipe, say).
    lines.writeTo(out);
    if (out.checkError()) {
      throw new IOException(
          "sink=" + name + " type=stdout: standard output is closed or broken; nothing to retry");
    }
    log.log(Level.DEBUG, "sink={0} type=stdout wrote {1} records", name, batch.size());
    return SendResult.allDelivered(batch.size());
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      out.flush();
    }
  }
}
