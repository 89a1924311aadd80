package dev.telemetryrouter.core.engine;

import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.stage.StageResult;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Runs stages in order over one record: the shared pipeline, or one sink's own list. A stage that
 * throws, or overflows the stack, drops the record under {@code stage_error:<path>} (the {@link
 * dev.telemetryrouter.spi.stage.Stage} contract), logged the first time only.
 */
final class StageChain {

  private static final System.Logger log = System.getLogger(StageChain.class.getName());

  private final List<NamedStage> stages;
  private final OnceLog failures = new OnceLog();

  StageChain(List<NamedStage> stages) {
    this.stages = List.copyOf(stages);
  }

  /** Keep with the record after every stage, or the first drop. */
  StageResult run(TelemetryRecord record) {
    TelemetryRecord current = record;
    for (NamedStage stage : stages) {
      StageResult result = applyOne(stage, current);
      switch (result) {
        case StageResult.Keep keep -> current = keep.record();
        case StageResult.Drop drop -> {
          return drop;
        }
      }
    }
    return StageResult.keep(current);
  }

  private StageResult applyOne(NamedStage stage, TelemetryRecord record) {
    try {
      return stage.stage().apply(record);
    } catch (RuntimeException | StackOverflowError e) {
      // A stack overflow here is this record's, not the process's: a user's pattern repeating a
      // group recurses once per repetition in java.util.regex, and a long line overflows the
      // layer's 512 KiB stack (-Xss512k, layer/src/main/layer-config/jvm.options).
      if (failures.first(stage.path())) {
        log.log(
            Level.ERROR,
            "stage={0} failed on a record of type {1}; such records are dropped as"
                + " stage_error:{0}, and later failures of this stage are only counted",
            stage.path(),
            record.type(),
            e);
      }
      return StageResult.drop("stage_error:" + stage.path());
    }
  }
}
