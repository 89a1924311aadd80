package dev.telemetryrouter.sink.file;

import dev.telemetryrouter.spi.sink.OutgoingRecord;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.SendContext;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkBatch;
import dev.telemetryrouter.spi.sink.SinkLimits;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.text.MessageFormat;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes each record as one line of compact JSON into rotating files (see {@link
 * FileSinkProvider}).
 *
 * <p><b>Durability.</b> Each batch is written with plain {@code write} calls on an unbuffered
 * channel before {@link #send} returns, so every delivered line is in the kernel's page cache and
 * survives a Lambda freeze or the process being killed. There is no fsync: it would cost a disk
 * flush per batch, and it only guards against a machine crash, after which Lambda's {@code /tmp} is
 * gone anyway.
 *
 * <p><b>Failures.</b> When a write fails (the directory was removed or turned read-only, the disk
 * is full), the lines written before the failure are reported delivered and the rest retryable; the
 * file is closed so the retry opens a new one and re-creates the directory. The engine's retry
 * limit decides when to give up.
 */
final class FileSink implements Sink {

  private static final System.Logger log = System.getLogger(FileSink.class.getName());

  /**
   * No API limits a file; these bound one batch's memory. A batch is held whole until it is
   * written, and a burst of lines (10,000 in one invocation, in the start-up harness) arrives
   * faster than the young generation of a small heap turns over: records still buffered at a
   * collection are promoted and grow the old generation for good. Measured under the emulator,
   * batches of 10,000 records left the extension at 88 MiB resident after the burst, 1,000 at 73
   * MiB, 100 at 61 to 64 MiB (5 runs); a write of 100 lines costs nothing measurable.
   */
  static final int MAX_RECORDS_PER_BATCH = 100;

  static final long MAX_BATCH_BYTES = 1024L * 1024;

  /**
   * Runs up to this size are copied into one buffer the sink keeps (send is never called
   * concurrently, by the Sink contract); larger ones get a buffer of their own, so that one large
   * batch does not pin its size in the heap for the sink's life.
   */
  static final int KEEP_BUFFER_BYTES = 256 * 1024;

  static final long MAX_LINE_BYTES = 1024L * 1024;

  /** The newline after each record. */
  static final int NEWLINE_BYTES = 1;

  private final String name;
  private final SinkLimits limits;
  private final RotatingFiles files;
  private long linesWritten;
  private ByteBuffer lineBuffer = ByteBuffer.allocate(0);
  private boolean started;
  private boolean closed;

  FileSink(String name, FileSinkSettings settings, InstantSource clock) {
    this.name = name;
    long maxLine = Math.min(MAX_LINE_BYTES, settings.maxFileBytes());
    this.limits = new SinkLimits(MAX_RECORDS_PER_BATCH, MAX_BATCH_BYTES, maxLine, NEWLINE_BYTES, 0);
    this.files = new RotatingFiles(name, settings, clock);
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
  public void start() {
    started = true;
  }

  @Override
  public SendResult send(SinkBatch batch, SendContext context) {
    if (closed) {
      throw new IllegalStateException("sink=" + name + " type=file is closed");
    }
    started = true;
    List<RecordOutcome> outcomes = new ArrayList<>(batch.size());
    try {
      writeAll(batch.records(), outcomes);
    } catch (IOException e) {
      failRest(batch, outcomes, e);
    }
    log.log(Level.DEBUG, "sink={0} type=file wrote {1} records", name, batch.size());
    return SendResult.of(outcomes);
  }

  /** Writes the records in runs that fit the current file, marking each run delivered. */
  private void writeAll(List<OutgoingRecord> records, List<RecordOutcome> outcomes)
      throws IOException {
    int start = 0;
    while (start < records.size()) {
      if (files.needsNewFile(records.get(start).data().length + NEWLINE_BYTES)) {
        files.openNext();
      }
      int end = start;
      long runBytes = 0;
      while (end < records.size()) {
        long line = records.get(end).data().length + NEWLINE_BYTES;
        if (end > start && !files.fits(runBytes + line)) {
          break;
        }
        runBytes += line;
        end++;
      }

      files.write(lines(records.subList(start, end), runBytes));
      for (int i = start; i < end; i++) {
        outcomes.add(RecordOutcome.DELIVERED);
      }
      linesWritten += end - start;
      start = end;
    }
  }

  private void failRest(SinkBatch batch, List<RecordOutcome> outcomes, IOException e) {
    int failed = batch.size() - outcomes.size();
    log.log(
        Level.WARNING,
        MessageFormat.format(
            "sink={0} type=file could not write {1} of {2} records to {3}; they will be retried",
            name, failed, batch.size(), files.current()),
        e);
    try {
      files.closeCurrent();
    } catch (IOException closing) {
      e.addSuppressed(closing);
    }
    RecordOutcome retry = RecordOutcome.retryable("io_error:" + e.getClass().getSimpleName());
    while (outcomes.size() < batch.size()) {
      outcomes.add(retry);
    }
  }

  /** The lines of a run, in a buffer reused from run to run while runs stay small. */
  private ByteBuffer lines(List<OutgoingRecord> records, long bytes) {
    int size = Math.toIntExact(bytes);
    ByteBuffer buffer;
    if (size > KEEP_BUFFER_BYTES) {
      buffer = ByteBuffer.allocate(size);
    } else {
      if (lineBuffer.capacity() < size) {
        lineBuffer =
            ByteBuffer.allocate(
                Math.min(KEEP_BUFFER_BYTES, Math.max(size, 2 * lineBuffer.capacity())));
      }
      buffer = lineBuffer.clear();
    }
    for (OutgoingRecord record : records) {
      buffer.put(record.data()).put((byte) '\n');
    }
    return buffer.flip();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      files.close();
    } catch (IOException e) {
      log.log(Level.WARNING, MessageFormat.format("sink={0} type=file close failed", name), e);
    }
    if (!started) {
      // Created only to validate a configuration that failed: there is nothing to report.
      return;
    }
    log.log(
        Level.INFO,
        "sink={0} type=file closed after {1} lines in {2} kept files",
        name,
        linesWritten,
        files.filesKept());
  }
}
