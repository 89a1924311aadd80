package dev.telemetryrouter.sink.file;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.MessageFormat;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The files of one sink: opens {@code telemetry-<UTC start>-<sequence>.jsonl} files one after the
 * other, knows how full the current one is, and deletes the oldest beyond {@code maxFiles}. Not
 * thread-safe; the sink's single sender thread owns it.
 */
final class RotatingFiles implements AutoCloseable {

  private static final System.Logger log = System.getLogger(RotatingFiles.class.getName());

  /** UTC whatever {@code TZ} says, so names sort in time order on every machine. */
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** Names taken already (by another sandbox or an earlier run) are skipped, a bounded number. */
  private static final int MAX_NAME_TRIES = 1_000;

  private final String sinkName;
  private final FileSinkSettings settings;
  private final InstantSource clock;
  private final Deque<Path> written = new ArrayDeque<>();
  private int sequence;
  private @Nullable FileChannel channel;
  private long currentBytes;

  RotatingFiles(String sinkName, FileSinkSettings settings, InstantSource clock) {
    this.sinkName = sinkName;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Whether a line of {@code lineBytes} needs a new file first: none is open, or it would spill.
   */
  boolean needsNewFile(long lineBytes) {
    return channel == null || (currentBytes > 0 && !fits(lineBytes));
  }

  /** Whether {@code bytes} more fit the open file within {@code max_file_bytes}. */
  boolean fits(long bytes) {
    return channel != null && currentBytes + bytes <= settings.maxFileBytes();
  }

  /** Closes the current file, if any, and opens the next one, creating the directory. */
  void openNext() throws IOException {
    closeCurrent();
    Files.createDirectories(settings.directory());
    String stamp = STAMP.format(clock.instant());

    for (int tries = 0; tries < MAX_NAME_TRIES; tries++) {
      Path path = settings.directory().resolve(fileName(stamp, ++sequence));
      try {
        channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException taken) {
        continue;
      }
      currentBytes = 0;
      written.addLast(path);
      log.log(Level.DEBUG, "sink={0} type=file opened {1}", sinkName, path);
      deleteBeyondLimit();
      return;
    }
    throw new IOException(
        "no free file name in " + settings.directory() + " after " + MAX_NAME_TRIES + " tries");
  }

  /** Writes {@code lines} whole to the current file; it reaches the OS before this returns. */
  void write(ByteBuffer lines) throws IOException {
    FileChannel open = channel;
    if (open == null) {
      throw new IllegalStateException("no file open");
    }
    int length = lines.remaining();
    while (lines.hasRemaining()) {
      open.write(lines);
    }
    currentBytes += length;
  }

  /** The file being written, or {@code null}. */
  @Nullable Path current() {
    return channel == null ? null : written.peekLast();
  }

  /** How many files this sink has opened and still keeps. */
  int filesKept() {
    return written.size();
  }

  /** Closes the current file; the next write opens a new one. */
  void closeCurrent() throws IOException {
    FileChannel open = channel;
    channel = null;
    if (open != null) {
      open.close();
    }
  }

  @Override
  public void close() throws IOException {
    closeCurrent();
  }

  static String fileName(String stamp, int sequence) {
    return String.format(Locale.ROOT, "telemetry-%s-%06d.jsonl", stamp, sequence);
  }

  private void deleteBeyondLimit() {
    int max = settings.maxFiles();
    while (max > 0 && written.size() > max) {
      Path oldest = written.removeFirst();
      try {
        Files.deleteIfExists(oldest);
      } catch (IOException e) {
        log.log(
            Level.WARNING,
            MessageFormat.format(
                "sink={0} type=file could not delete old file {1}", sinkName, oldest),
            e);
      }
    }
  }
}
