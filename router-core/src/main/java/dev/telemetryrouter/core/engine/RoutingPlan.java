package dev.telemetryrouter.core.engine;

import java.util.List;

/**
 * What a validated {@code routing.yaml} asks the engine to build: the shared pipeline and the
 * active sinks. Produced by the configuration loader, consumed by {@link Router}.
 *
 * @param pipeline stages every record goes through first, in order
 * @param sinks the active sinks, in file order
 */
public record RoutingPlan(List<NamedStage> pipeline, List<SinkPlan> sinks) {

  public RoutingPlan {
    pipeline = List.copyOf(pipeline);
    sinks = List.copyOf(sinks);
  }
}
