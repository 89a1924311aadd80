package dev.telemetryrouter.core.config;

import static dev.telemetryrouter.core.config.Loading.load;
import static dev.telemetryrouter.core.config.Loading.problems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.core.config.ExtensionSettings.Api;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtensionSettingsTest {

  private static final String SINKS = "sinks:\n  a: {type: memory, target: t}\n";

  @Test
  void read_fullSection_isReadAsWritten() throws ConfigException {
    String yaml =
        """
        version: 1
        extension:
          api: logs
          schema_version: 2020-08-15
          types: [platform, function]
          listener: {host: 127.0.0.1, port: 8080}
          buffering: {max_items: 10000, max_bytes: 1MiB, timeout: 30s}
          runtime_done_wait: 500ms
          shutdown_margin: 250ms
          route_own_logs: true
        """
            + SINKS;

    ExtensionSettings settings = load(yaml).extension();

    assertThat(settings.api()).isEqualTo(Api.LOGS);
    assertThat(settings.schemaVersion()).isEqualTo("2020-08-15");
    assertThat(settings.types()).containsExactly("platform", "function");
    assertThat(settings.listener()).isEqualTo(new ExtensionSettings.Listener("127.0.0.1", 8080));
    assertThat(settings.buffering())
        .isEqualTo(new ExtensionSettings.Buffering(10_000, 1_048_576, Duration.ofSeconds(30)));
    assertThat(settings.runtimeDoneWait()).isEqualTo(Duration.ofMillis(500));
    assertThat(settings.shutdownMargin()).isEqualTo(Duration.ofMillis(250));
    assertThat(settings.routeOwnLogs()).isTrue();
  }

  @Test
  void read_logsApiWithoutSchema_defaultsToTheVersionWithRuntimeDone() throws ConfigException {
    ExtensionSettings settings = load("version: 1\nextension: {api: logs}\n" + SINKS).extension();

    assertThat(settings.schemaVersion()).isEqualTo("2021-03-18");
  }

  @Test
  void read_bufferingAtLambdaBounds_isAccepted() throws ConfigException {
    String yaml =
        "version: 1\nextension:\n  buffering: {max_items: 1000, max_bytes: 262144, timeout: 25ms}\n"
            + SINKS;

    ExtensionSettings settings = load(yaml).extension();

    assertThat(settings.buffering()).isEqualTo(ExtensionSettings.Buffering.DEFAULTS);
  }

  @Test
  void read_valuesOutsideLambdaBounds_areProblems() {
    String yaml =
        """
        version: 1
        extension:
          api: kafka
          types: [platform, metrics]
          listener: {port: 9001}
          buffering: {max_items: 999, max_bytes: 1048577, timeout: 24ms}
        """
            + SINKS;

    List<String> lines = problems(yaml);

    assertThat(lines)
        .containsExactly(
            "extension.api: 'kafka' — expected one of: telemetry, logs",
            "extension.types: (a list) — expected a non-empty list of: platform, function,"
                + " extension",
            "extension.listener.port: 9001 — expected a port other than 9001, which Lambda"
                + " reserves",
            "extension.buffering.max_items: 999 — expected a whole number from 1000 to 10000",
            "extension.buffering.max_bytes: 1048577"
                + " — expected a size from 256KiB to 1MiB, such as"
                + " 512, 256KB or 4MiB",
            "extension.buffering.timeout: '24ms' — expected a duration from 25ms to 30s, such as"
                + " 250ms, 2s or 5m");
  }

  @Test
  void read_schemaVersionOfTheOtherApi_isAProblem() {
    assertThat(problems("version: 1\nextension: {schema_version: 2021-03-18}\n" + SINKS))
        .containsExactly(
            "extension.schema_version: '2021-03-18' — expected one of: 2022-07-01, 2022-12-13,"
                + " 2025-01-29");
  }
}
