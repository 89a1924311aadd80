package dev.telemetryrouter.core.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.telemetryrouter.core.encode.RecordEncoder;
import dev.telemetryrouter.spi.TelemetryRecord;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * One sink's dead-letter file: JSON lines of {@code
 * {"sink","reason","spilledAt","entry":<record>}}, appended until the file holds the policy's byte
 * cap, and read back from its head by {@link SpillReplay}. On Lambda the directory is under {@code
 * /tmp}, which survives between invocations of one sandbox, and a restart of the extension after a
 * reset, but not the sandbox. Thread-safe.
 *
 * <p>Lines leave the file only by {@link #replace}, which writes the new content to a temporary
 * file beside it and renames that over the file: a process that dies at any point leaves either the
 * old file or the new one, never a mix.
 */
final class SpillFile {

  private static final System.Logger log = System.getLogger(SpillFile.class.getName());

  private final SinkIdentity sink;
  private final Path file;
  private final long maxBytes;
  private final InstantSource clock;
  private long bytes = -1;
  private boolean failed;

  SpillFile(SinkIdentity sink, Path directory, long maxBytes, InstantSource clock) {
    this.sink = sink;
    this.file = directory.resolve("dead-letter-" + sink.name() + ".jsonl");
    this.maxBytes = maxBytes;
    this.clock = clock;
  }

  Path file() {
    return file;
  }

  /** The file's size in bytes; 0 when it does not exist. */
  synchronized long size() {
    return failed ? 0 : knownSize();
  }

  /**
   * The lines that start {@code skip} bytes into the file, each with its newline: at most {@code
   * maxLines}, and no more bytes than {@code maxBytes} unless the first line alone is longer (it is
   * returned alone, so a long line cannot block the file).
   */
  synchronized List<byte[]> lines(long skip, int maxLines, long maxBytes) {
    List<byte[]> lines = new ArrayList<>();
    if (failed || maxLines <= 0 || knownSize() <= skip) {
      return lines;
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      in.skipNBytes(skip);
      long total = 0;
      ByteArrayOutputStream line = new ByteArrayOutputStream(512);
      for (int next = in.read(); next >= 0 && lines.size() < maxLines; next = in.read()) {
        line.write(next);
        if (next == '\n') {
          total += line.size();
          if (total > maxBytes && !lines.isEmpty()) {
            break;
          }
          lines.add(line.toByteArray());
          line.reset();
        }
      }
    } catch (IOException e) {
      fail("read", e);
      lines.clear();
    }
    return lines;
  }

  /**
   * Replaces the {@code regionBytes} bytes that start {@code skip} bytes into the file with {@code
   * region} (lines of it that stay, maybe reordered), keeping what comes before and after,
   * including lines appended since the region was read.
   */
  synchronized void replace(long skip, long regionBytes, List<byte[]> region) {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temporary);
          InputStream in = Files.newInputStream(file)) {
        copy(in, out, skip);
        for (byte[] line : region) {
          out.write(line);
        }
        in.skipNBytes(regionBytes);
        in.transferTo(out);
      }
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      bytes = Files.size(file);
      if (bytes == 0) {
        Files.delete(file);
      }
    } catch (IOException e) {
      fail("rewrite", e);
    }
  }

  private static void copy(InputStream in, OutputStream out, long count) throws IOException {
    byte[] buffer = new byte[8192];
    for (long left = count; left > 0; ) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (read < 0) {
        throw new IOException("the file ended " + left + " bytes early");
      }
      out.write(buffer, 0, read);
      left -= read;
    }
  }

  /** Appends one entry; false when the cap would be passed or the file cannot be written. */
  synchronized boolean write(TelemetryRecord record, String reason) {
    if (failed) {
      return false;
    }
    try {
      byte[] line = line(record, reason);
      Files.createDirectories(file.getParent());
      if (knownSize() + line.length > maxBytes) {
        return false;
      }
      Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      bytes += line.length;
      return true;
    } catch (IOException e) {
      fail("write", e);
      return false;
    }
  }

  /**
   * The file's size, read from the disk the first time: an earlier process may have left it. A
   * process that died while appending may have left a last line without its newline; it is ended
   * here, so that it stays one unreadable line instead of spoiling the next entry.
   */
  private long knownSize() {
    if (bytes < 0) {
      try {
        bytes = Files.exists(file) ? Files.size(file) : 0;
        if (bytes > 0 && lastByte() != '\n') {
          Files.write(file, new byte[] {'\n'}, StandardOpenOption.APPEND);
          bytes++;
        }
      } catch (IOException e) {
        fail("read", e);
        return 0;
      }
    }
    return bytes;
  }

  private int lastByte() throws IOException {
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      ByteBuffer last = ByteBuffer.allocate(1);
      channel.position(bytes - 1).read(last);
      return last.get(0);
    }
  }

  private void fail(String action, IOException e) {
    failed = true;
    log.log(
        Level.ERROR,
        "{0} cannot {1} the dead-letter file {2}; dead letters are dropped from now on and the"
            + " file is not replayed. Check that the directory exists and is writable",
        sink,
        action,
        file,
        e);
  }

  private byte[] line(TelemetryRecord record, String reason) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator json = RecordEncoder.generator(out)) {
      json.writeStartObject();
      json.writeStringField("sink", sink.name());
      json.writeStringField("reason", reason);
      json.writeStringField("spilledAt", clock.instant().toString());
      json.writeFieldName("entry");
      RecordEncoder.writeRecord(json, record);
      json.writeEndObject();
    }
    out.write('\n');
    return out.toByteArray();
  }
}
