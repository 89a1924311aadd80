package dev.telemetryrouter.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.spi.FunctionContext;
import dev.telemetryrouter.spi.config.ConfigSection;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkContext;
import dev.telemetryrouter.spi.sink.SinkProvider;
import dev.telemetryrouter.spi.stage.StageContext;
import dev.telemetryrouter.spi.stage.StageProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every option a sink or stage plugin reads is listed in docs/routing.schema.json for its type, and
 * every option listed there is one the plugin reads. Each provider is driven with a {@link
 * RecordingSection}, once with defaults and once per value of each choice it asks for, so options
 * of one HTTP format are compared with that format's part of the schema.
 */
class PluginOptionsTest {

  /** The keys the engine reads for every sink; providers never see them (SinkContext). */
  private static final Set<String> ENGINE_KEYS =
      Set.of(
          "type", "when", "stages", "batch", "retry", "buffer", "oversize", "dead_letter", "flush");

  private static final String SERVICE = SinkProvider.class.getName();

  private static Map<String, Object> defs;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void readSchema() throws IOException {
    defs = (Map<String, Object>) Documents.schema().get("$defs");
  }

  static List<SinkProvider> sinkProviders() {
    return ServiceLoader.load(SinkProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .toList();
  }

  static List<StageProvider> stageProviders() {
    return ServiceLoader.load(StageProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .toList();
  }

  @Test
  void everySinkModule_isOnThisModulesClassPath() throws IOException {
    List<String> registered = new ArrayList<>();
    try (Stream<Path> modules = Files.list(Documents.ROOT.resolve("sinks"))) {
      for (Path module : modules.sorted().toList()) {
        Path services = module.resolve("src/main/resources/META-INF/services/" + SERVICE);
        if (Files.isRegularFile(services)) {
          Files.readAllLines(services).stream()
              .map(String::strip)
              .filter(line -> !line.isEmpty() && !line.startsWith("#"))
              .forEach(registered::add);
        }
      }
    }

    List<String> loaded =
        sinkProviders().stream().map(provider -> provider.getClass().getName()).toList();

    assertThat(loaded)
        .as(
            "a sink module's provider is missing here: add the module as a test dependency of"
                + " config-examples/pom.xml and describe its options in docs/routing.schema.json")
        .containsAll(registered);
  }

  @ParameterizedTest
  @MethodSource("sinkProviders")
  void sinkProvider_readsExactlyTheOptionsTheSchemaLists(SinkProvider provider) {
    for (Map<String, String> overrides : variants(o -> readBySink(provider, o))) {
      RecordingSection options = readBySink(provider, overrides);

      Set<String> listed = sinkOptions(provider.type(), overrides);

      assertThat(new TreeSet<>(options.keysRead()))
          .as("options of sink type %s with %s", provider.type(), overrides)
          .isEqualTo(listed);
    }
  }

  @ParameterizedTest
  @MethodSource("stageProviders")
  void stageProvider_readsExactlyTheOptionsTheSchemaLists(StageProvider provider) {
    RecordingSection options = RecordingSection.root("pipeline[0]", Map.of());
    provider.create(new Stage(options));

    Set<String> listed = properties(definition("stage_" + provider.type()));
    listed.remove("type");

    assertThat(new TreeSet<>(options.keysRead()))
        .as("options of stage type %s", provider.type())
        .isEqualTo(listed);
  }

  private static RecordingSection readBySink(SinkProvider provider, Map<String, String> overrides) {
    RecordingSection options = RecordingSection.root("sinks.test", overrides);
    try (Sink sink = provider.create(new Sink_(options))) {
      sink.limits();
    }
    return options;
  }

  /** No overrides, then one run per allowed value of every choice the first run asked for. */
  private static List<Map<String, String>> variants(
      Function<Map<String, String>, RecordingSection> read) {
    List<Map<String, String>> variants = new ArrayList<>();
    variants.add(Map.of());
    read.apply(Map.of())
        .choices()
        .forEach((key, allowed) -> allowed.forEach(value -> variants.add(Map.of(key, value))));
    return variants;
  }

  /** The options the schema lists for sink {@code type}, without the engine's keys. */
  @SuppressWarnings("unchecked")
  private static Set<String> sinkOptions(String type, Map<String, String> overrides) {
    Map<String, Object> definition = definition("sink_" + type);
    if (definition.containsKey("oneOf")) {
      String format = overrides.getOrDefault("format", "json");
      definition =
          ((List<Map<String, Object>>) definition.get("oneOf"))
              .stream()
                  .filter(branch -> format.equals(constOf(branch, "format")))
                  .findFirst()
                  .orElseThrow();
    }
    Set<String> listed = properties(definition);
    listed.removeAll(ENGINE_KEYS);
    return listed;
  }

  @SuppressWarnings("unchecked")
  private static Object constOf(Map<String, Object> branch, String key) {
    Map<String, Object> property =
        (Map<String, Object>) ((Map<String, Object>) branch.get("properties")).get(key);
    return property.get("const");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> definition(String name) {
    Object definition = defs.get(name);
    assertThat(definition).as("$defs/" + name + " in docs/routing.schema.json").isNotNull();
    return (Map<String, Object>) definition;
  }

  @SuppressWarnings("unchecked")
  private static Set<String> properties(Map<String, Object> definition) {
    return new TreeSet<>(((Map<String, Object>) definition.get("properties")).keySet());
  }

  private record Sink_(ConfigSection config) implements SinkContext {

    @Override
    public String name() {
      return "test";
    }

    @Override
    public FunctionContext function() {
      return FunctionContext.UNKNOWN;
    }

    @Override
    public Map<String, String> environment() {
      Map<String, String> environment = new HashMap<>();
      environment.put("AWS_REGION", "eu-west-1");
      return environment;
    }

    @Override
    public InstantSource clock() {
      return InstantSource.system();
    }
  }

  private record Stage(ConfigSection config) implements StageContext {

    @Override
    public Map<String, String> environment() {
      return Map.of();
    }

    @Override
    public InstantSource clock() {
      return InstantSource.system();
    }

    @Override
    public RandomGenerator random() {
      return new SplittableRandom(1);
    }
  }
}
