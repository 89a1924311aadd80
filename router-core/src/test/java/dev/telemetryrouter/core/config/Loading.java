package dev.telemetryrouter.core.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telemetryrouter.spi.FunctionContext;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Test helpers: load YAML text with the test plugins and a fixed environment. */
final class Loading {

  static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z"));

  private Loading() {}

  static LoadEnvironment environment(Map<String, String> variables) {
    return new LoadEnvironment(variables, FunctionContext.UNKNOWN, CLOCK, new SplittableRandom(7));
  }

  static RoutingConfigLoader loader() {
    return RoutingConfigLoader.fromServiceLoader(Loading.class.getClassLoader(), List.of());
  }

  static LoadedConfig load(String yaml, Map<String, String> variables) throws ConfigException {
    return loader().load(new ConfigSource("test", yaml), environment(variables));
  }

  static LoadedConfig load(String yaml) throws ConfigException {
    return load(yaml, Map.of());
  }

  /** The problem lines a load of {@code yaml} fails with. */
  static List<String> problems(String yaml, Map<String, String> variables) {
    ConfigException[] caught = new ConfigException[1];
    assertThatThrownBy(
            () -> {
              try {
                load(yaml, variables);
              } catch (ConfigException failure) {
                caught[0] = failure;
                throw failure;
              }
            })
        .isInstanceOf(ConfigException.class);
    return caught[0].problems().stream().map(Problem::toString).toList();
  }

  static List<String> problems(String yaml) {
    return problems(yaml, Map.of());
  }
}
