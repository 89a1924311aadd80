package dev.telemetryrouter.spi.sink;

import dev.telemetryrouter.spi.TelemetryRecord;
import java.util.Objects;

/**
 * One record in a {@link SinkBatch}: the record and the bytes the engine encoded for this sink.
 *
 * @param record the record after the sink's own stages
 * @param data the encoded bytes without framing (no trailing newline); the sink must not modify the
 *     array
 * @param attempt how many times this record has been sent before, 0 on the first try
 */
public record OutgoingRecord(TelemetryRecord record, byte[] data, int attempt) {

  public OutgoingRecord {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(data, "data");
  }

  /** The record's stable id, the same on every attempt. */
  public String id() {
    return record.id();
  }
}
