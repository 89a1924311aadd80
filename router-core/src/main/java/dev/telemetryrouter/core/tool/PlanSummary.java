package dev.telemetryrouter.core.tool;

import dev.telemetryrouter.core.config.ExtensionSettings;
import dev.telemetryrouter.core.config.LoadedConfig;
import dev.telemetryrouter.core.config.Units;
import dev.telemetryrouter.core.engine.BatchPolicy;
import dev.telemetryrouter.core.engine.BufferPolicy;
import dev.telemetryrouter.core.engine.DeadLetterPolicy;
import dev.telemetryrouter.core.engine.FlushPolicy;
import dev.telemetryrouter.core.engine.NamedStage;
import dev.telemetryrouter.core.engine.RetryPolicy;
import dev.telemetryrouter.core.engine.SinkPlan;
import dev.telemetryrouter.spi.sink.SinkLimits;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The short description of a valid file that {@code validate} prints: the extension settings, the
 * pipeline, and per sink its type, limits and policies. Sink options are not printed, so secrets
 * cannot leak through it.
 */
final class PlanSummary {

  private PlanSummary() {}

  static void print(PrintStream out, LoadedConfig config, StageTypes types) {
    List<SinkPlan> sinks = config.plan().sinks();
    List<NamedStage> pipeline = config.plan().pipeline();
    out.println(
        "routing configuration from "
            + config.source()
            + " is valid: "
            + count(sinks.size(), "sink")
            + ", "
            + count(pipeline.size(), "pipeline stage"));

    ExtensionSettings extension = config.extension();
    out.println(
        "extension: api "
            + extension.api().yamlName()
            + " (schema "
            + extension.schemaVersion()
            + "), types "
            + String.join(", ", extension.types())
            + ", route_own_logs "
            + extension.routeOwnLogs());
    out.println("pipeline:" + (pipeline.isEmpty() ? " (none)" : ""));
    pipeline.forEach(stage -> out.println("  " + stage.path() + " " + types.typeAt(stage.path())));

    for (SinkPlan sink : sinks) {
      printSink(out, sink, types);
    }
  }

  private static void printSink(PrintStream out, SinkPlan sink, StageTypes types) {
    SinkLimits limits = sink.sink().limits();
    out.println(
        "sink " + sink.name() + ": type " + sink.type() + ", encoding " + sink.sink().encoding());
    out.println(
        "  limits: "
            + limits.maxRecordsPerBatch()
            + " records and "
            + Units.formatBytes(limits.maxBytesPerBatch())
            + " per batch, "
            + Units.formatBytes(limits.maxBytesPerRecord())
            + " per record");
    BatchPolicy batch = sink.batch();
    out.println(
        "  batch: up to "
            + batch.maxRecords()
            + " records, "
            + Units.formatBytes(batch.maxBytes())
            + ", max age "
            + Units.formatDuration(batch.maxAge()));
    RetryPolicy retry = sink.retry();
    out.println(
        "  retry: "
            + count(retry.maxAttempts(), "attempt")
            + ", backoff "
            + Units.formatDuration(retry.initialBackoff())
            + " to "
            + Units.formatDuration(retry.maxBackoff()));
    out.println("  " + buffer(sink.buffer()));
    out.println("  " + flush(sink.flush()));
    out.println("  oversize: " + lower(sink.oversize().action().name()));
    out.println("  dead_letter: " + deadLetter(sink.deadLetter()));

    List<String> stages = new ArrayList<>();
    sink.stages().forEach(stage -> stages.add(stage.path() + " " + types.typeAt(stage.path())));
    out.println("  stages: " + (stages.isEmpty() ? "(none)" : String.join(", ", stages)));
  }

  private static String buffer(BufferPolicy buffer) {
    String line =
        "buffer: "
            + buffer.maxRecords()
            + " records, "
            + Units.formatBytes(buffer.maxBytes())
            + ", overflow "
            + lower(buffer.overflow().name());
    return buffer.overflow() == BufferPolicy.Overflow.BLOCK
        ? line + " (timeout " + Units.formatDuration(buffer.blockTimeout()) + ")"
        : line;
  }

  private static String flush(FlushPolicy flush) {
    String line = "flush: " + lower(flush.mode().name());
    return flush.mode() == FlushPolicy.Mode.PERIODIC
        ? line + " every " + Units.formatDuration(flush.interval())
        : line;
  }

  private static String deadLetter(DeadLetterPolicy policy) {
    List<String> parts = new ArrayList<>();
    if (policy.spillDirectory() != null) {
      parts.add(
          "spill to "
              + policy.spillDirectory()
              + " (at most "
              + Units.formatBytes(policy.spillMaxBytes())
              + ")");
    }
    if (policy.sinkName() != null) {
      parts.add("sink " + policy.sinkName());
    }
    return parts.isEmpty() ? "none (such records are dropped)" : String.join(", ", parts);
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
