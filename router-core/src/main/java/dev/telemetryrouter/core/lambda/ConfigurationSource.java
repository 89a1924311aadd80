package dev.telemetryrouter.core.lambda;

import dev.telemetryrouter.core.engine.RoutingPlan;
import java.util.Map;

/**
 * Loads and validates the configuration (the {@code core.config} loader in production) during Init,
 * right after registration.
 */
@FunctionalInterface
public interface ConfigurationSource {

  /**
   * What a valid configuration asks for.
   *
   * @param plan the sinks and stages for the engine
   * @param settings the {@code extension:} section
   */
  record Loaded(RoutingPlan plan, ExtensionSettings settings) {}

  /**
   * Reads the configuration the environment points at.
   *
   * @throws Rejected naming every problem, with its key path, the value and the expectation
   */
  Loaded load(Map<String, String> environment) throws Rejected;

  /** The configuration is invalid; the message lists every problem and goes to the platform. */
  final class Rejected extends Exception {

    public Rejected(String message) {
      super(message);
    }
  }
}
