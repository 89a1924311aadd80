package dev.telemetryrouter.spi.sink;

import java.util.List;
import java.util.Objects;

/**
 * The records the engine cut for one {@link Sink#send}, within the sink's {@link SinkLimits}.
 *
 * @param id a stable batch id: a retry of the records left over from this batch keeps it, so an
 *     HTTP receiver can drop a duplicate after a timeout that was in fact a success
 * @param records the records, in the order they were accepted; never empty
 * @param bytes the size the engine counted, overheads included
 */
public record SinkBatch(String id, List<OutgoingRecord> records, long bytes) {

  public SinkBatch {
    Objects.requireNonNull(id, "id");
    records = List.copyOf(records);
    if (records.isEmpty()) {
      throw new IllegalArgumentException("a batch holds at least one record");
    }
  }

  public int size() {
    return records.size();
  }
}
