package dev.telemetryrouter.sink.s3;

import dev.telemetryrouter.spi.sink.OutgoingRecord;
import dev.telemetryrouter.spi.sink.SinkBatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * The bytes of one object: each record's data and a newline (never doubled), maybe gzipped. The
 * buffer is read in place, without the copy {@code toByteArray()} would make of a body that may be
 * tens of MiB.
 */
final class S3ObjectBody extends ByteArrayOutputStream {

  /** Log lines compress about tenfold; start the buffer near that to avoid regrowth. */
  private static final int GZIP_RATIO_GUESS = 8;

  private S3ObjectBody(int initialSize) {
    super(initialSize);
  }

  static S3ObjectBody of(SinkBatch batch, boolean gzip) {
    int estimate = (int) Math.min(Integer.MAX_VALUE - 8, batch.bytes());
    S3ObjectBody body =
        new S3ObjectBody(gzip ? Math.max(64, estimate / GZIP_RATIO_GUESS) : estimate);
    try (OutputStream out = gzip ? new GZIPOutputStream(body, 8192) : body) {
      for (OutgoingRecord record : batch.records()) {
        byte[] data = record.data();
        out.write(data);
        if (data.length == 0 || data[data.length - 1] != '\n') {
          out.write('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return body;
  }

  /** The length in bytes. */
  long length() {
    return count;
  }

  /** A fresh stream over the bytes; the SDK opens one per attempt. */
  InputStream open() {
    return new ByteArrayInputStream(buf, 0, count);
  }
}
