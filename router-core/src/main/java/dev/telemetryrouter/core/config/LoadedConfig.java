package dev.telemetryrouter.core.config;

import dev.telemetryrouter.core.engine.RoutingPlan;
import java.util.Objects;

/**
 * A validated configuration, ready to start.
 *
 * @param plan the pipeline and the active sinks, for the engine
 * @param extension the {@code extension:} settings, for the lifecycle
 * @param source where the configuration came from, for the start-up log line
 */
public record LoadedConfig(RoutingPlan plan, ExtensionSettings extension, String source) {

  public LoadedConfig {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(extension, "extension");
    Objects.requireNonNull(source, "source");
  }
}
