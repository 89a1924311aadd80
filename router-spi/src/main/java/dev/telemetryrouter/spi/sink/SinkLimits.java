package dev.telemetryrouter.spi.sink;

/**
 * The hard limits of a destination's API, which the engine's batcher never exceeds.
 *
 * <p>Sizes are bytes as the API counts them. {@code recordOverheadBytes} is what the sink adds to
 * each record's {@link OutgoingRecord#data()} on the wire and the API counts against the limits (a
 * newline delimiter, a partition key, a comma in a JSON array); {@code batchOverheadBytes} is what
 * it adds once per request (the brackets of a JSON array). The engine counts a batch as {@code
 * batchOverheadBytes + sum(data.length + recordOverheadBytes)} and a record as {@code data.length +
 * recordOverheadBytes}.
 *
 * @param maxRecordsPerBatch records in one request, at least 1
 * @param maxBytesPerBatch bytes in one request, at least {@code maxBytesPerRecord}
 * @param maxBytesPerRecord bytes of one record including its overhead, at least 1
 * @param recordOverheadBytes bytes added to every record, at least 0
 * @param batchOverheadBytes bytes added to every request, at least 0
 */
public record SinkLimits(
    int maxRecordsPerBatch,
    long maxBytesPerBatch,
    long maxBytesPerRecord,
    int recordOverheadBytes,
    int batchOverheadBytes) {

  public SinkLimits {
    if (maxRecordsPerBatch < 1
        || maxBytesPerRecord < 1
        || maxBytesPerBatch < maxBytesPerRecord
        || recordOverheadBytes < 0
        || batchOverheadBytes < 0) {
      throw new IllegalArgumentException("inconsistent sink limits: " + this);
    }
  }

  /** The size the engine counts for one record of {@code dataBytes}. */
  public long recordCost(int dataBytes) {
    return (long) dataBytes + recordOverheadBytes;
  }
}
