package dev.telemetryrouter.core.engine;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The shared pipeline's counts: records received, and those dropped before any sink, by reason. */
final class PipelineLedger {

  /** Reason for a record that came through the pipeline but no sink's route accepted. */
  static final String UNROUTED = "unrouted";

  private long received;
  private final Map<String, Long> dropped = new TreeMap<>();

  synchronized void receive() {
    received++;
  }

  synchronized void drop(String reason) {
    dropped.merge(reason, 1L, Long::sum);
  }

  /** The counts, taken together so that they agree with each other. */
  synchronized Snapshot snapshot() {
    return new Snapshot(received, Collections.unmodifiableMap(new TreeMap<>(dropped)));
  }

  record Snapshot(long received, Map<String, Long> dropped) {}
}
