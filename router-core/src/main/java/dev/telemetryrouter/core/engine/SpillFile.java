package dev.telemetryrouter.core.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.telemetryrouter.core.encode.RecordEncoder;
import dev.telemetryrouter.spi.TelemetryRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;

/**
 * One sink's dead-letter file: JSON lines of {@code
 * {"sink","reason","spilledAt","entry":<record>}}, appended until the file holds the policy's byte
 * cap, so a later start can replay them. On Lambda the directory is under {@code /tmp}, which
 * survives between invocations of one sandbox only. Thread-safe.
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

  /** Appends one entry; false when the cap would be passed or the file cannot be written. */
  synchronized boolean write(TelemetryRecord record, String reason) {
    if (failed) {
      return false;
    }
    try {
      byte[] line = line(record, reason);
      if (bytes < 0) {
        Files.createDirectories(file.getParent());
        bytes = Files.exists(file) ? Files.size(file) : 0;
      }
      if (bytes + line.length > maxBytes) {
        return false;
      }
      Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      bytes += line.length;
      return true;
    } catch (IOException e) {
      failed = true;
      log.log(
          Level.ERROR,
          "{0} cannot write the dead-letter file {1}; dead letters are dropped from now on."
              + " Check that the directory exists and is writable",
          sink,
          file,
          e);
      return false;
    }
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
