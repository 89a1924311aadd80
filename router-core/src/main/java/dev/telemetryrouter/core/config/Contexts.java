package dev.telemetryrouter.core.config;

import dev.telemetryrouter.spi.FunctionContext;
import dev.telemetryrouter.spi.config.ConfigSection;
import dev.telemetryrouter.spi.sink.SinkContext;
import dev.telemetryrouter.spi.stage.StageContext;
import java.time.InstantSource;
import java.util.Map;
import java.util.random.RandomGenerator;

/** The plain carriers the loader hands to plugins. */
final class Contexts {

  private Contexts() {}

  record Sink(
      String name,
      ConfigSection config,
      FunctionContext function,
      Map<String, String> environment,
      InstantSource clock)
      implements SinkContext {}

  record Stage(
      ConfigSection config,
      Map<String, String> environment,
      InstantSource clock,
      RandomGenerator random)
      implements StageContext {}
}
