package dev.telemetryrouter.sink.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.sink.testkit.MapConfigSection;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsClientOptionsTest {

  @Test
  void read_nothingConfigured_takesLambdasRegionAndDefaults() {
    MapConfigSection config = MapConfigSection.of("sinks.logs", Map.of());

    AwsClientOptions options = AwsClientOptions.read(config, Map.of("AWS_REGION", "eu-west-1"));

    assertThat(config.problems()).isEmpty();
    assertThat(options)
        .isEqualTo(
            new AwsClientOptions("eu-west-1", null, AwsClientOptions.DEFAULT_CONNECT_TIMEOUT));
  }

  @Test
  void read_onlyDefaultRegionSet_fallsBackToIt() {
    MapConfigSection config = MapConfigSection.of("sinks.logs", Map.of());

    AwsClientOptions options =
        AwsClientOptions.read(config, Map.of("AWS_DEFAULT_REGION", "us-gov-west-1"));

    assertThat(options.region()).isEqualTo("us-gov-west-1");
  }

  @Test
  void read_explicitOptions_winOverTheEnvironment() {
    MapConfigSection config =
        MapConfigSection.of(
            "sinks.logs",
            Map.of(
                "region", "ap-southeast-2",
                "endpoint", "http://127.0.0.1:4566",
                "connect_timeout", "500ms"));

    AwsClientOptions options = AwsClientOptions.read(config, Map.of("AWS_REGION", "eu-west-1"));

    assertThat(config.problems()).isEmpty();
    assertThat(options.region()).isEqualTo("ap-southeast-2");
    assertThat(options.endpoint()).isEqualTo(URI.create("http://127.0.0.1:4566"));
    assertThat(options.connectTimeout()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void read_badRegionAndEndpoint_areReportedWithTheirPaths() {
    MapConfigSection config =
        MapConfigSection.of("sinks.logs", Map.of("region", "Europe", "endpoint", "localhost:4566"));

    AwsClientOptions.read(config, Map.of());

    assertThat(config.problems().toString())
        .contains("sinks.logs.region")
        .contains("AWS_REGION")
        .contains("sinks.logs.endpoint")
        .contains("http://");
  }
}
