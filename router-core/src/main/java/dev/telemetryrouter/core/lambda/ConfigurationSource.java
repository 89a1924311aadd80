package dev.telemetryrouter.core.lambda;

import dev.telemetryrouter.core.config.ConfigException;
import dev.telemetryrouter.core.config.LoadedConfig;
import dev.telemetryrouter.spi.FunctionContext;

/**
 * Loads and validates the configuration during Init, right after registration (the {@code
 * core.config} loader in production, a fixed configuration in tests).
 */
@FunctionalInterface
public interface ConfigurationSource {

  /**
   * Reads the configuration the environment points at, for {@code function}.
   *
   * @throws ConfigException naming every problem, with its key path, the value and the expectation
   */
  LoadedConfig load(FunctionContext function) throws ConfigException;
}
