package dev.telemetryrouter.spi.stage;

import dev.telemetryrouter.spi.TelemetryRecord;
import java.util.Objects;

/** What a {@link Stage} decided for one record. */
public sealed interface StageResult {

  /** Pass {@code record} on: the same instance, or a changed copy. */
  static StageResult keep(TelemetryRecord record) {
    return new Keep(record);
  }

  /** Stop the record here; {@code reason} is counted, such as {@code filter:type}. */
  static StageResult drop(String reason) {
    return new Drop(reason);
  }

  /** The record goes on to the next stage. */
  record Keep(TelemetryRecord record) implements StageResult {
    public Keep {
      Objects.requireNonNull(record, "record");
    }
  }

  /** The record is dropped, and counted under {@code reason}. */
  record Drop(String reason) implements StageResult {
    public Drop {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
