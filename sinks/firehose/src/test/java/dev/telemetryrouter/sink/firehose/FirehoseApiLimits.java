package dev.telemetryrouter.sink.firehose;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The PutRecordBatch limits as the fake enforces them, written out independently of {@link
 * FirehoseSettings} so that a wrong constant in the sink shows up as a refused request.
 */
final class FirehoseApiLimits {

  private static final int RECORDS = 500;
  private static final long BYTES_PER_CALL = 4_194_304;
  private static final long BYTES_PER_RECORD = 1_024_000;

  private FirehoseApiLimits() {}

  /** Why {@code records} breaks a limit, or {@code null} when it is within all of them. */
  static @Nullable String violation(List<byte[]> records) {
    if (records.isEmpty() || records.size() > RECORDS) {
      return "Records has " + records.size() + " members; 1 to " + RECORDS + " allowed";
    }
    long total = 0;
    for (int i = 0; i < records.size(); i++) {
      int size = records.get(i).length;
      if (size > BYTES_PER_RECORD) {
        return "record " + i + " has " + size + " bytes; at most " + BYTES_PER_RECORD;
      }
      total += size;
    }
    return total > BYTES_PER_CALL
        ? "the records hold " + total + " bytes; at most " + BYTES_PER_CALL + " per call"
        : null;
  }
}
