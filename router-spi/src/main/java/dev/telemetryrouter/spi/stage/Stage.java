package dev.telemetryrouter.spi.stage;

import dev.telemetryrouter.spi.TelemetryRecord;

/**
 * One step of a pipeline: looks at a record and keeps it, changes it, or drops it with a reason.
 * Stages run in the order the YAML lists them, in the shared pipeline and then in each sink's own
 * list.
 *
 * <p><b>Lifecycle.</b> Created once by its {@link StageProvider} while the configuration is
 * validated (so creation must be fast: compile patterns there, not per record), then {@link #apply}
 * is called for every record until the process ends.
 *
 * <p><b>Threading.</b> {@link #apply} may be called from several threads at once; a stage keeps no
 * per-record state, or keeps it thread-safe.
 *
 * <p><b>Failures.</b> A stage never throws for a record it does not understand: a record that is
 * not JSON passes a JSON parser unchanged, a missing field fails a condition. An exception from
 * {@link #apply} is a bug; the engine drops the record, counted under the reason {@code
 * stage_error:<stage path>}, and logs it.
 *
 * <p>Drops are counted per reason in the accounting summary, so make the reason short and stable
 * (such as {@code filter:level}), never include record contents in it.
 */
@FunctionalInterface
public interface Stage {

  /** Keeps, replaces or drops {@code record}. */
  StageResult apply(TelemetryRecord record);
}
