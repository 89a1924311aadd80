package dev.telemetryrouter.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WiringTest {

  @Test
  void configFiles_onLambda_areTheStandardOnes() {
    assertThat(Wiring.configFiles(Map.of()))
        .containsExactly(
            Path.of("/var/task/routing.yaml"), Path.of("/opt/telemetry-router/routing.yaml"));
  }

  @Test
  void configFiles_underTheEmulator_readTheLayerDefaultFromTheLayerFolder() {
    Map<String, String> environment = Map.of("TELEMETRY_ROUTER_OPT_DIR", "/home/me/layer");

    assertThat(Wiring.configFiles(environment))
        .containsExactly(
            Path.of("/var/task/routing.yaml"),
            Path.of("/home/me/layer/telemetry-router/routing.yaml"));
  }
}
