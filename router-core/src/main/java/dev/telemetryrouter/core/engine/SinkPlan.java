package dev.telemetryrouter.core.engine;

import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.sink.Sink;
import java.util.List;
import java.util.function.Predicate;

/**
 * One active sink and the policies the engine applies around it.
 *
 * @param name the key under {@code sinks:}
 * @param type the YAML type, for log lines ({@code sink=archive type=firehose})
 * @param sink the created sink
 * @param when the route condition; records it rejects are not routed to this sink (not counted as
 *     received or dropped by it)
 * @param stages the sink's own stages, after {@code when}
 */
public record SinkPlan(
    String name,
    String type,
    Sink sink,
    Predicate<TelemetryRecord> when,
    List<NamedStage> stages,
    BatchPolicy batch,
    RetryPolicy retry,
    BufferPolicy buffer,
    OversizePolicy oversize,
    DeadLetterPolicy deadLetter,
    FlushPolicy flush) {

  public SinkPlan {
    stages = List.copyOf(stages);
  }
}
