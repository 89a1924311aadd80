package dev.telemetryrouter.core.lambda;

import dev.telemetryrouter.core.engine.RecordRouter;
import dev.telemetryrouter.core.engine.RoutingPlan;
import java.time.InstantSource;

/**
 * Builds the engine from a validated plan (the engine's router in production, a double in tests).
 */
@FunctionalInterface
public interface RouterFactory {

  /**
   * Builds the router; must be quick (Init is short), leaving sink start-up to the background.
   *
   * @throws Exception when the plan cannot be built; reported as an init error
   */
  RecordRouter create(RoutingPlan plan, InstantSource clock) throws Exception;
}
