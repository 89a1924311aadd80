package dev.telemetryrouter.benchmarks.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupHarnessTest {

  @Test
  void options_keepTakesNoValue() {
    String[] args = {"--root", "/tmp/r", "--keep", "--runs", "1"};

    Map<String, String> options = StartupHarness.options(args);

    assertThat(options).containsEntry("root", "/tmp/r").containsEntry("keep", "true");
    assertThat(options).containsEntry("runs", "1");
  }

  @Test
  void options_standinsTakesNoValue() {
    String[] args = {"--standins", "--config", "benchmarks/config/aws-s3.yaml"};

    Map<String, String> options = StartupHarness.options(args);

    assertThat(options)
        .containsEntry("standins", "true")
        .containsEntry("config", "benchmarks/config/aws-s3.yaml");
  }

  @Test
  void options_whenLastOptionHasNoValue_saysWhich() {
    String[] args = {"--runs", "1", "--root"};

    assertThatThrownBy(() -> StartupHarness.options(args))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--root needs a value");
  }
}
