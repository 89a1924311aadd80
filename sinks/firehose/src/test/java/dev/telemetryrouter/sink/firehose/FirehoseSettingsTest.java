package dev.telemetryrouter.sink.firehose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.sink.testkit.FakeClock;
import dev.telemetryrouter.sink.testkit.TestSinkContext;
import dev.telemetryrouter.spi.sink.SinkLimits;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FirehoseSettingsTest {

  @Test
  void read_defaults_newlineDelimiterAndApiLimits() {
    TestSinkContext context = FirehoseTesting.context(Map.of("stream", "logs"), new FakeClock());

    FirehoseSettings settings = FirehoseSettings.read(context.config(), context.environment());

    assertThat(context.problemLines()).isEmpty();
    assertThat(settings.delimiter()).containsExactly('\n');
    assertThat(settings.client().region()).isEqualTo("eu-west-1");
    assertThat(settings.limits()).isEqualTo(new SinkLimits(500, 4_194_304, 1_024_000, 1, 0));
  }

  @Test
  void read_everyMistake_isReportedAtOnceWithItsPath() {
    TestSinkContext context =
        TestSinkContext.builder("logs")
            .option("stream", "bad name!")
            .option("delimiter", "x".repeat(17))
            .option("endpoint", "127.0.0.1:4566")
            .build();

    FirehoseSettings.read(context.config(), context.environment());

    assertThat(String.join("\n", context.problemLines()))
        .contains("sinks.logs.stream")
        .contains("sinks.logs.delimiter")
        .contains("sinks.logs.endpoint")
        .contains("sinks.logs.region")
        .contains("AWS_REGION");
  }

  @Test
  void read_missingStream_isAProblem() {
    TestSinkContext context = FirehoseTesting.context(Map.of(), new FakeClock());

    FirehoseSettings.read(context.config(), context.environment());

    assertThat(context.problemLines()).anyMatch(line -> line.contains("sinks.logs.stream"));
  }
}
