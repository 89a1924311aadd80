package dev.telemetryrouter.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.core.config.ConfigSource;
import dev.telemetryrouter.core.config.LoadEnvironment;
import dev.telemetryrouter.core.config.LoadedConfig;
import dev.telemetryrouter.core.config.RoutingConfigLoader;
import dev.telemetryrouter.spi.FunctionContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The schema lists only engine and extension keys the loader reads: a fixture that sets every one
 * of them loads with the real loader (which reports unknown keys) and satisfies the schema. The
 * examples themselves are loaded by {@link ConfigExamplesTest}.
 */
class EngineKeysTest {

  private static final Path EVERY_ENGINE_KEY = Path.of("src/test/resources/every-engine-key.yaml");

  @Test
  void everyEngineKey_loadsAndSatisfiesTheSchema() throws Exception {
    String yaml = Files.readString(EVERY_ENGINE_KEY);

    LoadedConfig config = load(EVERY_ENGINE_KEY, yaml);

    assertThat(config.plan().sinks()).hasSize(2);
    assertThat(new SchemaCheck(Documents.schema()).errors(Documents.yaml(yaml))).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyEngineKey_setsEveryKeyTheSchemaListsForTheEngine() throws IOException {
    Map<String, Object> defs = (Map<String, Object>) Documents.schema().get("$defs");
    Map<String, Object> tree =
        (Map<String, Object>) Documents.yaml(Files.readString(EVERY_ENGINE_KEY));
    Map<String, Object> sink =
        (Map<String, Object>) ((Map<String, Object>) tree.get("sinks")).get("main");

    for (String section : List.of("batch", "retry", "buffer", "oversize", "dead_letter", "flush")) {
      Map<String, Object> listed = propertiesOf(defs.get("engine_" + section));
      assertThat(((Map<String, Object>) sink.get(section)).keySet())
          .as(section)
          .containsExactlyInAnyOrderElementsOf(listed.keySet());
    }
    Map<String, Object> root = propertiesOf(Documents.schema());
    assertThat(((Map<String, Object>) tree.get("extension")).keySet())
        .containsExactlyInAnyOrderElementsOf(propertiesOf(root.get("extension")).keySet());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> propertiesOf(Object schema) {
    return (Map<String, Object>) ((Map<String, Object>) schema).get("properties");
  }

  private static LoadedConfig load(Path file, String yaml) throws Exception {
    Map<String, String> variables = Map.of("AWS_REGION", "eu-west-1");
    LoadEnvironment environment =
        new LoadEnvironment(
            variables,
            FunctionContext.UNKNOWN,
            InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")),
            new SplittableRandom(1));
    RoutingConfigLoader loader =
        RoutingConfigLoader.fromServiceLoader(EngineKeysTest.class.getClassLoader(), List.of());

    LoadedConfig config = loader.load(new ConfigSource("file " + file, yaml), environment);
    config.plan().sinks().forEach(plan -> plan.sink().close());
    return config;
  }
}
