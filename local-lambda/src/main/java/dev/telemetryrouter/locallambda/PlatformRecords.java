package dev.telemetryrouter.locallambda;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds the records of the platform events in their documented shapes (Lambda Telemetry API Event
 * schema reference, https://docs.aws.amazon.com/lambda/latest/dg/telemetry-schema-reference.html).
 */
final class PlatformRecords {

  private PlatformRecords() {}

  static Map<String, Object> initStart(Settings settings) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("initializationType", "on-demand");
    record.put("phase", "init");
    record.put("functionName", settings.functionName());
    record.put("functionVersion", settings.functionVersion());
    return record;
  }

  static Map<String, Object> initPhase(String status, @Nullable String errorType) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("initializationType", "on-demand");
    record.put("phase", "init");
    record.put("status", status);
    if (errorType != null) {
      record.put("errorType", errorType);
    }
    return record;
  }

  static Map<String, Object> initReport(String status, @Nullable String errorType, Duration took) {
    Map<String, Object> record = initPhase(status, errorType);
    record.put("metrics", Map.of("durationMs", millis(took)));
    return record;
  }

  static Map<String, Object> extension(Extension ext) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("name", ext.name);
    record.put("state", ext.state.label());
    record.put("events", ext.events);
    if (ext.errorType != null) {
      record.put("errorType", ext.errorType);
    }
    return record;
  }

  static Map<String, Object> start(String requestId, String version) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("requestId", requestId);
    record.put("version", version);
    return record;
  }

  /** Telemetry API shape: status, metrics and spans (Event schema reference, as above). */
  static Map<String, Object> runtimeDone(
      String requestId, FunctionRunner.Outcome outcome, Instant start, Duration took) {
    Map<String, Object> record = statusRecord(requestId, outcome.status(), outcome.errorType());
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("durationMs", millis(took));
    metrics.put("producedBytes", outcome.producedBytes());
    record.put("metrics", metrics);
    record.put(
        "spans",
        List.of(
            span("responseLatency", start, Duration.ZERO),
            span("responseDuration", start.plus(took), Duration.ZERO)));
    return record;
  }

  /**
   * Logs API 2021-03-18 shape: only requestId and status (Lambda Logs API,
   * https://docs.aws.amazon.com/lambda/latest/dg/runtimes-logs-api.html).
   */
  static Map<String, Object> logsRuntimeDone(String requestId, String status) {
    return statusRecord(requestId, status, null);
  }

  static Map<String, Object> report(
      String requestId,
      String status,
      @Nullable String errorType,
      Duration took,
      int memoryMb,
      long maxMemoryUsedMb,
      @Nullable Duration initDuration,
      Instant overheadStart,
      Duration overhead) {
    Map<String, Object> record = statusRecord(requestId, status, errorType);
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("durationMs", millis(took));
    // Lambda bills whole milliseconds, rounded up.
    metrics.put("billedDurationMs", (long) Math.ceil(took.toNanos() / 1_000_000.0));
    metrics.put("memorySizeMB", (long) memoryMb);
    metrics.put("maxMemoryUsedMB", maxMemoryUsedMb);
    if (initDuration != null) {
      metrics.put("initDurationMs", millis(initDuration));
    }
    record.put("metrics", metrics);
    record.put("spans", List.of(span("extensionOverhead", overheadStart, overhead)));
    return record;
  }

  private static Map<String, Object> statusRecord(
      String requestId, String status, @Nullable String errorType) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("requestId", requestId);
    record.put("status", status);
    if (errorType != null) {
      record.put("errorType", errorType);
    }
    return record;
  }

  private static Map<String, Object> span(String name, Instant start, Duration took) {
    Map<String, Object> span = new LinkedHashMap<>();
    span.put("name", name);
    span.put("start", TelemetryEvent.formatTime(start));
    span.put("durationMs", millis(took));
    return span;
  }

  static BigDecimal millis(Duration duration) {
    return BigDecimal.valueOf(duration.toNanos())
        .movePointLeft(6)
        .setScale(3, RoundingMode.HALF_UP);
  }
}
