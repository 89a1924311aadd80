package dev.telemetryrouter.benchmarks;

import dev.telemetryrouter.spi.FunctionContext;
import dev.telemetryrouter.spi.TelemetryRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Records shaped like a busy function's: text lines, JSON lines, errors, platform events. */
final class SampleRecords {

  private SampleRecords() {}

  static List<TelemetryRecord> mixed(int count, FunctionContext function) {
    List<TelemetryRecord> records = new ArrayList<>(count);
    Instant start = Instant.parse("2026-12-04T10:15:30Z");

    for (int i = 0; i < count; i++) {
      Instant time = start.plusMillis(i);
      String requestId = "8f5e2c1a-0b3d-4e6f-9a7b-" + String.format("%012d", i / 100);
      TelemetryRecord.Builder builder =
          switch (i % 10) {
            case 0 ->
                TelemetryRecord.builder(
                    time, "platform.start", Map.of("requestId", requestId, "version", "$LATEST"));
            case 1, 2 ->
                line(
                    time,
                    "INFO",
                    "{\"level\":\"INFO\",\"msg\":\"order placed\",\"orderId\":"
                        + i
                        + ",\"email\":\"buyer"
                        + i
                        + "@example.com\"}");
            case 3 ->
                line(
                    time,
                    "ERROR",
                    "java.lang.IllegalStateException: payment declined for AKIAIOSFODNN7EXAMPLE");
            default -> line(time, "DEBUG", "processing item " + i + " of the current order batch");
          };
      records.add(
          builder
              .id("bench-" + i)
              .function(function)
              .field(TelemetryRecord.REQUEST_ID, requestId)
              .build());
    }
    return records;
  }

  private static TelemetryRecord.Builder line(Instant time, String level, String text) {
    return TelemetryRecord.builder(time, "function", text)
        .field(TelemetryRecord.LEVEL, level)
        .field(TelemetryRecord.MESSAGE, text);
  }
}
