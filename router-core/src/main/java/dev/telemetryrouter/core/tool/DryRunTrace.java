package dev.telemetryrouter.core.tool;

import dev.telemetryrouter.core.engine.NamedStage;
import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.stage.Stage;
import dev.telemetryrouter.spi.stage.StageResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Notes, record by record, where a dry run dropped what: the engine's accounts only count drops by
 * reason, and a person checking a file wants to see which event went where. Wraps the plan's stages
 * and route conditions without changing what they decide. Used by one thread.
 */
final class DryRunTrace {

  /** Where the shared pipeline's drops are filed. */
  static final String PIPELINE = "";

  /**
   * A record a stage dropped.
   *
   * @param record the record as the dropping stage saw it
   * @param stagePath the stage's key path, such as {@code pipeline[0]}
   * @param reason the stage's reason, such as {@code filter:type}
   */
  record Drop(TelemetryRecord record, String stagePath, String reason) {}

  private final Map<String, List<Drop>> drops = new LinkedHashMap<>();
  private final Map<String, Long> notRouted = new LinkedHashMap<>();
  private final Set<String> routedIds = new HashSet<>();
  private final Map<String, List<TelemetryRecord>> passed = new LinkedHashMap<>();

  /** {@code stages} reporting their drops under {@code sink} ({@link #PIPELINE} for the shared). */
  List<NamedStage> trace(String sink, List<NamedStage> stages) {
    drops.putIfAbsent(sink, new ArrayList<>());
    return stages.stream().map(stage -> trace(sink, stage)).toList();
  }

  /**
   * {@code sink}'s stages, traced, followed by a stage that only notes the records that passed them
   * all: those are handed to the engine's encoding, size policy and buffer.
   */
  List<NamedStage> traceSink(String sink, List<NamedStage> stages) {
    List<NamedStage> traced = new ArrayList<>(trace(sink, stages));
    List<TelemetryRecord> kept = passed.computeIfAbsent(sink, name -> new ArrayList<>());
    traced.add(
        new NamedStage(
            "sinks." + sink + ".(dry-run)",
            record -> {
              kept.add(record);
              return StageResult.keep(record);
            }));
    return traced;
  }

  /** The records that passed every stage of {@code sink}, in order. */
  List<TelemetryRecord> passed(String sink) {
    return List.copyOf(passed.getOrDefault(sink, List.of()));
  }

  /** {@code when} noting which records it let through to {@code sink}. */
  Predicate<TelemetryRecord> trace(String sink, Predicate<TelemetryRecord> when) {
    notRouted.putIfAbsent(sink, 0L);
    return record -> {
      boolean routed = when.test(record);
      if (routed) {
        routedIds.add(record.id());
      } else {
        notRouted.merge(sink, 1L, Long::sum);
      }
      return routed;
    };
  }

  /** The drops by stages of {@code sink} ({@link #PIPELINE} for the shared), in order. */
  List<Drop> drops(String sink) {
    return List.copyOf(drops.getOrDefault(sink, List.of()));
  }

  /** How many records {@code sink}'s {@code when} turned away. */
  long notRouted(String sink) {
    return notRouted.getOrDefault(sink, 0L);
  }

  /** Whether some sink's {@code when} accepted the record with {@code id}. */
  boolean routed(String id) {
    return routedIds.contains(id);
  }

  private NamedStage trace(String sink, NamedStage named) {
    Stage inner = named.stage();
    Stage traced =
        record -> {
          StageResult result;
          try {
            result = inner.apply(record);
          } catch (RuntimeException failure) {
            // The engine drops the record under this reason (Stage contract); note it, rethrow.
            drops.get(sink).add(new Drop(record, named.path(), "stage_error:" + named.path()));
            throw failure;
          }
          if (result instanceof StageResult.Drop drop) {
            drops.get(sink).add(new Drop(record, named.path(), drop.reason()));
          }
          return result;
        };
    return new NamedStage(named.path(), traced);
  }
}
