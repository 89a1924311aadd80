package dev.telemetryrouter.core.engine;

import java.time.Duration;

/**
 * What the sink does when an invocation ends, before the extension calls {@code /next} and Lambda
 * may freeze the sandbox. Full or aged batches are sent in the background in every mode.
 *
 * @param mode see {@link Mode}
 * @param interval with {@link Mode#PERIODIC}: the longest time between two full flushes
 */
public record FlushPolicy(Mode mode, Duration interval) {

  /** The per-sink flush strategy. */
  public enum Mode {
    /** Flush everything at the end of every invocation (the default: nothing waits a freeze). */
    END_OF_INVOKE,
    /**
     * Flush everything at the end of an invocation when the last full flush is older than the
     * interval; otherwise only wait for sends already in flight.
     */
    PERIODIC,
    /** Send while the function runs; at the end only wait for sends already in flight. */
    BACKGROUND
  }
}
