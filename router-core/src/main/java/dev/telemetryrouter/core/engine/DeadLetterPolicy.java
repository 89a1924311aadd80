package dev.telemetryrouter.core.engine;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where records go that a sink rejected for good or that exhausted their retries.
 *
 * @param spillDirectory a directory (under {@code /tmp} on Lambda) to spill JSON lines to, with the
 *     reason, for replay on a later start; {@code null} to not spill
 * @param spillMaxBytes the most the spill files may hold; beyond it records are dropped, counted
 * @param sinkName another sink to hand the records to, or {@code null}
 */
public record DeadLetterPolicy(
    @Nullable Path spillDirectory, long spillMaxBytes, @Nullable String sinkName) {

  /** No dead-letter path: such records are dropped and counted under their reason. */
  public static final DeadLetterPolicy NONE = new DeadLetterPolicy(null, 0, null);
}
