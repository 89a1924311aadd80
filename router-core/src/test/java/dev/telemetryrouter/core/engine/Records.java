package dev.telemetryrouter.core.engine;

import dev.telemetryrouter.spi.TelemetryRecord;
import java.time.Instant;

/** Records for tests. */
final class Records {

  private Records() {}

  /** A text-format function log line with id {@code r<n>} and a message field. */
  static TelemetryRecord text(int n, String message) {
    return TelemetryRecord.builder(Instant.parse("2026-01-01T00:00:00Z"), "function", message)
        .id("r" + n)
        .field(TelemetryRecord.MESSAGE, message)
        .build();
  }

  static TelemetryRecord text(int n) {
    return text(n, "line " + n);
  }
}
