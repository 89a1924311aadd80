package dev.telemetryrouter.sink.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.sink.testkit.FakeClock;
import dev.telemetryrouter.sink.testkit.TestSinkContext;
import dev.telemetryrouter.spi.sink.SinkLimits;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3SettingsTest {

  @Test
  void read_defaults_plainJsonLinesNamedByFlushTime() {
    TestSinkContext context =
        S3Testing.context("archive", Map.of("bucket", "logs"), new FakeClock());

    S3Settings settings = S3Settings.read(context.config(), context.environment());

    assertThat(context.problemLines()).isEmpty();
    assertThat(settings.gzip()).isFalse();
    assertThat(settings.keyClock()).isEqualTo(S3Settings.KeyClock.FLUSH);
    assertThat(settings.checksumWhenRequired()).isFalse();
    assertThat(settings.pathStyle()).isFalse();
    assertThat(settings.limits())
        .isEqualTo(new SinkLimits(100_000, 64L * 1024 * 1024, 1024 * 1024, 1, 0));
  }

  @Test
  void read_endpointOverride_defaultsToPathStyle() {
    TestSinkContext context =
        S3Testing.context(
            "archive",
            Map.of("bucket", "logs", "endpoint", "http://127.0.0.1:4566"),
            new FakeClock());

    S3Settings settings = S3Settings.read(context.config(), context.environment());

    assertThat(settings.pathStyle()).isTrue();
  }

  @Test
  void read_everyMistake_isReportedAtOnceWithItsPath() {
    TestSinkContext context =
        S3Testing.context(
            "archive",
            Map.of(
                "bucket", "Bad_Bucket",
                "key", "logs/{date}",
                "compression", "zstd",
                "key_time", "arrival"),
            new FakeClock());

    S3Settings.read(context.config(), context.environment());

    assertThat(String.join("\n", context.problemLines()))
        .contains("sinks.archive.bucket")
        .contains("sinks.archive.key")
        .contains("{unique}")
        .contains("sinks.archive.compression")
        .contains("sinks.archive.key_time");
  }
}
