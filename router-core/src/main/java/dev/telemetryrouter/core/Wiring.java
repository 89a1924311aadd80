package dev.telemetryrouter.core;

import dev.telemetryrouter.core.engine.RoutingPlan;
import dev.telemetryrouter.core.lambda.ConfigurationSource;
import dev.telemetryrouter.core.lambda.ExtensionSettings;
import dev.telemetryrouter.core.lambda.RouterFactory;
import java.util.List;

/** Connects the lifecycle to the configuration loader and the engine. */
final class Wiring {

  private Wiring() {}

  /** Until the {@code core.config} loader is wired (issue #3): the defaults and no sinks. */
  static ConfigurationSource configuration() {
    return environment ->
        new ConfigurationSource.Loaded(
            new RoutingPlan(List.of(), List.of()), ExtensionSettings.defaults());
  }

  /** Until the engine's router is wired (issue #3), Init fails with a clear error. */
  static RouterFactory routers() {
    return (plan, clock) -> {
      throw new IllegalStateException("this build has no routing engine; build from main");
    };
  }
}
