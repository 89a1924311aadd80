package dev.telemetryrouter.core.engine;

import java.util.Map;

/**
 * What one flush achieved, per sink name.
 *
 * @param sinks per sink: what this flush delivered, what is still pending afterwards, and what it
 *     dropped or dead-lettered
 */
public record FlushReport(Map<String, SinkFlush> sinks) {

  public FlushReport {
    sinks = Map.copyOf(sinks);
  }

  /** One sink's part of a flush. */
  public record SinkFlush(long delivered, long pending, long dropped, long deadLettered) {}

  /** Whether every sink ended the flush with nothing pending. */
  public boolean drained() {
    return sinks.values().stream().allMatch(sink -> sink.pending() == 0);
  }
}
