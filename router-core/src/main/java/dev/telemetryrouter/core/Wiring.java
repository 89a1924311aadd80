package dev.telemetryrouter.core;

import dev.telemetryrouter.core.config.LoadEnvironment;
import dev.telemetryrouter.core.config.RoutingConfigLoader;
import dev.telemetryrouter.core.engine.Router;
import dev.telemetryrouter.core.lambda.ConfigurationSource;
import dev.telemetryrouter.core.lambda.RouterFactory;
import java.time.InstantSource;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Connects the lifecycle to the configuration loader and the engine. */
final class Wiring {

  private Wiring() {}

  /** {@code routing.yaml} from the standard places, with the plugins on the class path. */
  static ConfigurationSource configuration(Map<String, String> environment, InstantSource clock) {
    return function ->
        RoutingConfigLoader.standard()
            .load(new LoadEnvironment(environment, function, clock, RandomGenerator.getDefault()));
  }

  /**
   * The engine with one background worker per sink; each worker starts its sink (clients, TLS) on
   * its own thread, off the Init path.
   */
  static RouterFactory routers() {
    return (plan, clock) -> {
      Router router = Router.background(plan, clock, RandomGenerator.getDefault());
      router.start();
      return router;
    };
  }
}
