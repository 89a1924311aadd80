package dev.telemetryrouter.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telemetryrouter.core.config.TestSinkProvider.MemorySink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourceTest {

  @TempDir Path temp;

  private Path task;
  private Path layer;
  private Path named;

  @BeforeEach
  void files() throws IOException {
    task = Files.writeString(temp.resolve("task.yaml"), "# task\n");
    layer = Files.writeString(temp.resolve("layer.yaml"), "# layer\n");
    named = Files.writeString(temp.resolve("named.yaml"), "# named\n");
  }

  @Test
  void resolve_inlineVariable_winsOverEverything() throws ConfigException {
    Map<String, String> env =
        Map.of(
            "TELEMETRY_ROUTER_CONFIG",
            "# inline\n",
            "TELEMETRY_ROUTER_CONFIG_FILE",
            named.toString());

    ConfigSource source = ConfigSource.resolve(env, List.of(task, layer));

    assertThat(source.description()).isEqualTo("environment variable TELEMETRY_ROUTER_CONFIG");
    assertThat(source.yaml()).isEqualTo("# inline\n");
  }

  @Test
  void resolve_fileVariable_winsOverTheSearchList() throws ConfigException {
    Map<String, String> env =
        Map.of("TELEMETRY_ROUTER_CONFIG", "  ", "TELEMETRY_ROUTER_CONFIG_FILE", named.toString());

    ConfigSource source = ConfigSource.resolve(env, List.of(task, layer));

    assertThat(source.description())
        .isEqualTo("file " + named + " (from TELEMETRY_ROUTER_CONFIG_FILE)");
    assertThat(source.yaml()).isEqualTo("# named\n");
  }

  @Test
  void resolve_taskFileBeforeLayerFile() throws ConfigException {
    ConfigSource source = ConfigSource.resolve(Map.of(), List.of(task, layer));

    assertThat(source.description()).isEqualTo("file " + task);
  }

  @Test
  void resolve_missingTaskFile_fallsBackToLayerFile() throws ConfigException {
    ConfigSource source =
        ConfigSource.resolve(Map.of(), List.of(temp.resolve("absent.yaml"), layer));

    assertThat(source.description()).isEqualTo("file " + layer);
  }

  @Test
  void resolve_noFileAtAll_usesTheBuiltInDefault() throws ConfigException {
    Map<String, String> env =
        Map.of("TELEMETRY_ROUTER_SINK", "memory", "TELEMETRY_ROUTER_TARGET", "/tmp/out");

    ConfigSource source = ConfigSource.resolve(env, List.of(temp.resolve("absent.yaml")));

    assertThat(source.builtIn()).isTrue();
    assertThat(source.description())
        .isEqualTo(
            "built-in default (TELEMETRY_ROUTER_SINK=memory, TELEMETRY_ROUTER_TARGET=/tmp/out)");
  }

  @Test
  void resolve_fileVariableNamingAMissingFile_failsWithItsName() {
    Path absent = temp.resolve("absent.yaml");
    Map<String, String> env = Map.of("TELEMETRY_ROUTER_CONFIG_FILE", absent.toString());

    assertThatThrownBy(() -> ConfigSource.resolve(env, List.of(task)))
        .isInstanceOfSatisfying(
            ConfigException.class,
            failure ->
                assertThat(failure.problems().getFirst().toString())
                    .isEqualTo(
                        "TELEMETRY_ROUTER_CONFIG_FILE: '"
                            + absent
                            + "' — expected a readable UTF-8 file; check the path and that the"
                            + " file is in the function package or layer"));
  }

  @Test
  void load_builtInDefault_buildsOneSinkFromTheVariables() throws ConfigException {
    Map<String, String> env =
        Map.of(
            "TELEMETRY_ROUTER_SINK", "memory",
            "TELEMETRY_ROUTER_TARGET", "my-target",
            "TELEMETRY_ROUTER_TARGET_OPTION", "target");
    RoutingConfigLoader loader =
        RoutingConfigLoader.fromServiceLoader(getClass().getClassLoader(), List.of());

    LoadedConfig config = loader.load(Loading.environment(env));

    assertThat(config.source()).startsWith("built-in default (TELEMETRY_ROUTER_SINK=memory");
    assertThat(config.plan().sinks())
        .singleElement()
        .satisfies(
            plan -> {
              assertThat(plan.name()).isEqualTo("memory");
              assertThat(((MemorySink) plan.sink()).target()).isEqualTo("my-target");
            });
  }

  @Test
  void defaultConfig_targetOption_followsTheSinkType() {
    assertThat(DefaultConfig.targetOption("file", Map.of())).isEqualTo("directory");
    assertThat(DefaultConfig.targetOption("firehose", Map.of())).isEqualTo("stream");
    assertThat(DefaultConfig.targetOption("kinesis", Map.of())).isEqualTo("stream");
    assertThat(DefaultConfig.targetOption("s3", Map.of())).isEqualTo("bucket");
    assertThat(DefaultConfig.targetOption("http", Map.of())).isEqualTo("url");
    assertThat(DefaultConfig.targetOption("newsink", Map.of())).isEqualTo("target");
  }

  @Test
  void defaultConfig_withoutVariables_isAFileSink() {
    Map<String, Object> tree = DefaultConfig.tree(Map.of());

    assertThat(tree)
        .isEqualTo(Map.of("version", 1L, "sinks", Map.of("file", Map.of("type", "file"))));
  }
}
