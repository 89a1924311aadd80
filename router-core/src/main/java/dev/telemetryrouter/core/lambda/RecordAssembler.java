package dev.telemetryrouter.core.lambda;

import dev.telemetryrouter.core.encode.IsoInstants;
import dev.telemetryrouter.spi.FunctionContext;
import dev.telemetryrouter.spi.TelemetryRecord;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns decoded platform events into {@link TelemetryRecord}s: the raw payload (text without its
 * one trailing newline, or the object as sent), a stable id, the function context, and the derived
 * request id, level and message.
 *
 * <p>Text-format function lines carry no request id. They get the id of the invocation running when
 * they were produced: the one opened by the latest {@code platform.start} and not yet closed by its
 * {@code platform.runtimeDone}, as the OpenTelemetry Lambda receiver does
 * (open-telemetry/opentelemetry-lambda, collector/receiver/telemetryapireceiver/receiver.go).
 * Deliveries keep the order events were produced in, so this holds across batches.
 *
 * <p>Used by the single intake thread; not thread-safe, except {@link #invocationStarted}.
 */
final class RecordAssembler {

  private static final Pattern REQUEST_ID_TEXT =
      Pattern.compile("RequestId: ([0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12})");

  private final FunctionContext function;
  private final String idPrefix;
  private final InstantSource clock;
  private long sequence;
  private @Nullable String openRequestId;
  private volatile @Nullable String invokedRequestId;
  private volatile boolean platformEventsSeen;

  /**
   * @param idPrefix unique to this extension instance (from its registration), so that ids stay
   *     unique across the restarts that follow a timeout or crash
   */
  RecordAssembler(FunctionContext function, String idPrefix, InstantSource clock) {
    this.function = function;
    this.idPrefix = idPrefix;
    this.clock = clock;
  }

  /**
   * The lifecycle saw INVOKE for {@code requestId}. Used for text lines only while no platform
   * events arrive at all (a subscription without the {@code platform} stream).
   */
  void invocationStarted(String requestId) {
    invokedRequestId = requestId;
  }

  TelemetryRecord assemble(PlatformEvent event) {
    Object record = event.record();
    Object payload = payload(record);
    TelemetryRecord.Builder builder =
        TelemetryRecord.builder(time(event.time()), event.type(), payload)
            .id(idPrefix + "-" + ++sequence)
            .function(function);

    if (event.type().startsWith("platform.")) {
      derivePlatform(event.type(), record, builder);
    } else {
      deriveLog(record, payload, builder);
    }
    return builder.build();
  }

  @SuppressWarnings("unchecked")
  private void derivePlatform(String type, @Nullable Object record, TelemetryRecord.Builder out) {
    platformEventsSeen = true;
    String requestId = null;
    if (record instanceof Map<?, ?> map && map.get("requestId") instanceof String id) {
      requestId = id;
    } else if (record instanceof String text) {
      Matcher matcher = REQUEST_ID_TEXT.matcher(text);
      requestId = matcher.find() ? matcher.group(1) : null;
      out.field(TelemetryRecord.MESSAGE, stripNewline(text));
    }
    out.field(TelemetryRecord.REQUEST_ID, requestId);

    if (type.equals("platform.start") && requestId != null) {
      openRequestId = requestId;
    } else if (type.equals("platform.runtimeDone") && requestId != null) {
      openRequestId = requestId.equals(openRequestId) ? null : openRequestId;
    } else if (record instanceof Map<?, ?> map) {
      Object level = ((Map<String, @Nullable Object>) map).get("level");
      out.field(TelemetryRecord.LEVEL, level instanceof String text ? text : null);
    }
  }

  @SuppressWarnings("unchecked")
  private void deriveLog(@Nullable Object record, Object payload, TelemetryRecord.Builder out) {
    LogLine line =
        switch (record) {
          // The payload is the text without its newline already: one copy of the line, not two.
          case String text -> LogLine.ofText((String) payload);
          case Map<?, ?> map -> LogLine.ofObject((Map<String, @Nullable Object>) map);
          case null, default -> new LogLine(null, null, null);
        };
    String requestId = line.requestId() != null ? line.requestId() : runningRequestId();
    out.field(TelemetryRecord.REQUEST_ID, requestId)
        .field(TelemetryRecord.LEVEL, line.level())
        .field(TelemetryRecord.MESSAGE, line.message());
  }

  private @Nullable String runningRequestId() {
    return platformEventsSeen ? openRequestId : invokedRequestId;
  }

  private static Object payload(@Nullable Object record) {
    return switch (record) {
      case String text -> stripNewline(text);
      case Map<?, ?> map -> map;
      case null -> "";
      // Not a shape any schema defines (an array, a number): keep it, as its JSON text.
      default -> Json.write(record);
    };
  }

  /**
   * Lambda delivers text lines with their trailing newline, as captures show
   * (open-telemetry/opentelemetry-lambda#2173); one is stripped.
   */
  static String stripNewline(String text) {
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  /**
   * ISO-8601; lenient because some documented examples are malformed (Lambda Telemetry API Event
   * schema reference,
   * https://docs.aws.amazon.com/lambda/latest/dg/telemetry-schema-reference.html).
   */
  private Instant time(String text) {
    try {
      return IsoInstants.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException again) {
        return clock.instant();
      }
    }
  }
}
