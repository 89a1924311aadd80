package dev.telemetryrouter.core.engine;

import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.sink.OutgoingRecord;
import java.time.Instant;

/**
 * A record in a sink's buffer, already through the sink's stages and encoded for it.
 *
 * @param record the record as the sink will see it
 * @param data its encoded bytes
 * @param cost the bytes it counts against batch and buffer limits, overhead included
 * @param queuedAt when it entered the buffer, for the batch age limit
 * @param attempts how many times it has been sent so far
 * @param deadLetter whether it came to this sink as another sink's dead letter; such a record is
 *     never handed on to a further sink, so two sinks cannot pass a record back and forth
 */
record QueuedRecord(
    TelemetryRecord record,
    byte[] data,
    long cost,
    Instant queuedAt,
    int attempts,
    boolean deadLetter) {

  QueuedRecord sentOnce() {
    return new QueuedRecord(record, data, cost, queuedAt, attempts + 1, deadLetter);
  }

  OutgoingRecord outgoing() {
    return new OutgoingRecord(record, data, attempts);
  }
}
