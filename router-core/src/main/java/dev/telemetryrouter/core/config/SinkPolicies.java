package dev.telemetryrouter.core.config;

import dev.telemetryrouter.core.engine.BatchPolicy;
import dev.telemetryrouter.core.engine.BufferPolicy;
import dev.telemetryrouter.core.engine.DeadLetterPolicy;
import dev.telemetryrouter.core.engine.FlushPolicy;
import dev.telemetryrouter.core.engine.OversizePolicy;
import dev.telemetryrouter.core.engine.RetryPolicy;
import dev.telemetryrouter.spi.sink.SinkLimits;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Reads the engine's per-sink keys into policies. The defaults suit Lambda: everything is flushed
 * at the end of each invocation, so buffers stay small, and retries are few and short because a
 * flush is bounded by the invocation's deadline.
 */
final class SinkPolicies {

  private static final long KIB = 1024;
  private static final long MIB = 1024 * KIB;

  /** No wait in the engine sensibly exceeds Lambda's 15-minute maximum invocation time. */
  private static final Duration MAX_WAIT = Duration.ofMinutes(15);

  static final int DEFAULT_MAX_ATTEMPTS = 3;
  static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(100);
  static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(2);

  static final int DEFAULT_BUFFER_RECORDS = 10_000;

  /** Beside a 128 MB function the buffers must stay small: 8 MiB of encoded records per sink. */
  static final long DEFAULT_BUFFER_BYTES = 8 * MIB;

  static final Duration DEFAULT_BLOCK_TIMEOUT = Duration.ofMillis(100);
  static final String DEFAULT_MARKER = "…[truncated]";

  /** Spill files live in /tmp, which Lambda sizes at 512 MB by default; take a small part. */
  static final long DEFAULT_SPILL_BYTES = 64 * MIB;

  static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(10);

  private SinkPolicies() {}

  /** {@code batch}: defaults to the sink's own limits; larger values are problems. */
  static BatchPolicy batch(
      YamlSection section, String type, @Nullable SinkLimits limits, Duration defaultMaxAge) {
    int recordLimit = limits == null ? Integer.MAX_VALUE : limits.maxRecordsPerBatch();
    long byteLimit = limits == null ? Long.MAX_VALUE : limits.maxBytesPerBatch();

    long records = section.number("max_records", recordLimit, 1, Integer.MAX_VALUE);
    if (records > recordLimit) {
      section.problem(
          "max_records",
          records,
          "at most " + recordLimit + ", the " + type + " sink's limit of records per batch");
      records = recordLimit;
    }
    long bytes = section.bytes("max_bytes", byteLimit, 1, Long.MAX_VALUE);
    if (bytes > byteLimit) {
      section.problem(
          "max_bytes",
          section.raw("max_bytes"),
          "at most "
              + Units.formatBytes(byteLimit)
              + ", the "
              + type
              + " sink's limit of bytes per batch");
      bytes = byteLimit;
    }
    Duration maxAge = section.duration("max_age", defaultMaxAge, Duration.ZERO, MAX_WAIT);
    return new BatchPolicy((int) records, bytes, maxAge);
  }

  static RetryPolicy retry(YamlSection section) {
    long attempts = section.number("max_attempts", DEFAULT_MAX_ATTEMPTS, 1, 100);
    Duration initial =
        section.duration(
            "initial_backoff",
            DEFAULT_INITIAL_BACKOFF,
            Duration.ofMillis(1),
            Duration.ofMinutes(1));
    Duration max =
        section.duration("max_backoff", DEFAULT_MAX_BACKOFF, Duration.ofMillis(1), MAX_WAIT);
    if (max.compareTo(initial) < 0) {
      section.problem(
          "max_backoff",
          section.raw("max_backoff"),
          "a duration of at least initial_backoff (" + Units.formatDuration(initial) + ")");
      max = initial;
    }
    return new RetryPolicy((int) attempts, initial, max);
  }

  static BufferPolicy buffer(YamlSection section) {
    long records = section.number("max_records", DEFAULT_BUFFER_RECORDS, 1, 1_000_000);
    long bytes = section.bytes("max_bytes", DEFAULT_BUFFER_BYTES, KIB, 1024 * MIB);
    String overflow =
        section.choice("overflow", "drop_oldest", List.of("drop_oldest", "drop_newest", "block"));
    Duration blockTimeout =
        section.duration(
            "block_timeout", DEFAULT_BLOCK_TIMEOUT, Duration.ZERO, Duration.ofSeconds(30));
    BufferPolicy.Overflow mode =
        switch (overflow) {
          case "drop_newest" -> BufferPolicy.Overflow.DROP_NEWEST;
          case "block" -> BufferPolicy.Overflow.BLOCK;
          default -> BufferPolicy.Overflow.DROP_OLDEST;
        };
    return new BufferPolicy((int) records, bytes, mode, blockTimeout);
  }

  static OversizePolicy oversize(YamlSection section) {
    String action = section.choice("action", "truncate", List.of("truncate", "dead_letter"));
    String marker = section.optionalString("marker").orElse(DEFAULT_MARKER);
    return new OversizePolicy(
        action.equals("dead_letter")
            ? OversizePolicy.Action.DEAD_LETTER
            : OversizePolicy.Action.TRUNCATE,
        marker);
  }

  /** {@code dead_letter}: a spill directory, another active sink, both, or neither. */
  static DeadLetterPolicy deadLetter(YamlSection section, String self, Set<String> activeSinks) {
    Path spill = section.optionalString("spill_dir").map(dir -> path(section, dir)).orElse(null);
    long spillBytes = section.bytes("spill_max_bytes", DEFAULT_SPILL_BYTES, 0, 10_240 * MIB);
    String sink = section.optionalString("sink").orElse(null);
    if (sink != null && (sink.equals(self) || !activeSinks.contains(sink))) {
      Set<String> others = new TreeSet<>(activeSinks);
      others.remove(self);
      section.problem(
          "sink",
          sink,
          others.isEmpty()
              ? "the name of another active sink, but there is none"
              : "the name of another active sink: " + String.join(", ", others));
      sink = null;
    }
    if (spill == null && sink == null) {
      return DeadLetterPolicy.NONE;
    }
    return new DeadLetterPolicy(spill, spillBytes, sink);
  }

  static FlushPolicy flush(YamlSection section) {
    String mode =
        section.choice("mode", "end_of_invoke", List.of("end_of_invoke", "periodic", "background"));
    Duration interval =
        section.duration("interval", DEFAULT_FLUSH_INTERVAL, Duration.ofSeconds(1), MAX_WAIT);
    return new FlushPolicy(
        switch (mode) {
          case "periodic" -> FlushPolicy.Mode.PERIODIC;
          case "background" -> FlushPolicy.Mode.BACKGROUND;
          default -> FlushPolicy.Mode.END_OF_INVOKE;
        },
        interval);
  }

  private static @Nullable Path path(YamlSection section, String text) {
    try {
      Path path = Path.of(text);
      if (path.isAbsolute()) {
        return path;
      }
    } catch (InvalidPathException invalid) {
      // reported below, like a relative path
    }
    section.problem("spill_dir", text, "an absolute directory path, such as /tmp/telemetry-router");
    return null;
  }
}
