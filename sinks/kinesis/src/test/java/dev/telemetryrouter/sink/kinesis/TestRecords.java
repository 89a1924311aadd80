package dev.telemetryrouter.sink.kinesis;

import dev.telemetryrouter.spi.FunctionContext;
import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.sink.OutgoingRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Records for the unit tests. */
final class TestRecords {

  static final FunctionContext FUNCTION =
      new FunctionContext("orders-api", "$LATEST", "eu-west-1", 256, null);

  private static final Instant TIME = Instant.parse("2026-12-04T10:15:30.123Z");

  private TestRecords() {}

  static TelemetryRecord record(String id, String message) {
    return TelemetryRecord.builder(TIME, "function", message)
        .id(id)
        .function(FUNCTION)
        .field(TelemetryRecord.MESSAGE, message)
        .build();
  }

  static OutgoingRecord outgoing(String id, String text) {
    return new OutgoingRecord(record(id, text), text.getBytes(StandardCharsets.UTF_8), 0);
  }

  /** A record whose data is {@code size} bytes of a repeated letter. */
  static OutgoingRecord ofSize(String id, int size) {
    byte[] data = new byte[size];
    Arrays.fill(data, (byte) 'x');
    return new OutgoingRecord(record(id, "sized"), data, 0);
  }

  /** {@code count} records of {@code size} bytes, ids r0, r1, ... */
  static List<OutgoingRecord> ofSize(int count, int size) {
    List<OutgoingRecord> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      records.add(ofSize("r" + i, size));
    }
    return records;
  }
}
