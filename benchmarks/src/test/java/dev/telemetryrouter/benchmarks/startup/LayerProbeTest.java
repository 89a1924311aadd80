package dev.telemetryrouter.benchmarks.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayerProbeTest {

  private static final Path WORK = Path.of("/tmp/harness/work");

  @Test
  void functionEnv_withoutConfig_isTheBuiltInFileSinkAlone() {
    Map<String, String> env = LayerProbe.functionEnv(WORK, null, Map.of());

    assertThat(env)
        .containsOnly(
            Map.entry("TELEMETRY_ROUTER_SINK", "file"),
            Map.entry("TELEMETRY_ROUTER_TARGET", "/tmp/harness/work/out"));
  }

  @Test
  void functionEnv_withConfigAndStandIns_passesTheFileAndEveryUrlOn() {
    Path config = Path.of("/tmp/bench/aws-s3.yaml");
    Map<String, String> standIns = Map.of("STANDIN_S3_URL", "http://127.0.0.1:4321");

    Map<String, String> env = LayerProbe.functionEnv(WORK, config, standIns);

    assertThat(env)
        .containsEntry("TELEMETRY_ROUTER_CONFIG_FILE", "/tmp/bench/aws-s3.yaml")
        .containsEntry("TELEMETRY_ROUTER_DEMO_DIR", "/tmp/harness/work/out")
        .containsEntry("STANDIN_S3_URL", "http://127.0.0.1:4321");
  }

  @Test
  void functionEnv_whenExtraVariableWouldReplaceTheHarnesss_refusesIt() {
    Map<String, String> extra = Map.of("TELEMETRY_ROUTER_SINK", "stdout");

    assertThatThrownBy(() -> LayerProbe.functionEnv(WORK, null, extra))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TELEMETRY_ROUTER_SINK");
  }
}
