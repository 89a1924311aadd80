package dev.telemetryrouter.core.config;

import dev.telemetryrouter.spi.FunctionContext;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What a load reads besides the YAML: the process environment, the function, and the clock and
 * random source handed on to plugins (fakes in tests).
 */
public record LoadEnvironment(
    Map<String, String> variables,
    FunctionContext function,
    InstantSource clock,
    RandomGenerator random) {

  public LoadEnvironment {
    variables = Map.copyOf(variables);
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(random, "random");
  }

  /** The real process: {@code System.getenv()}, the system clock, a fresh random source. */
  public static LoadEnvironment system(FunctionContext function) {
    return new LoadEnvironment(
        System.getenv(), function, InstantSource.system(), RandomGenerator.getDefault());
  }
}
