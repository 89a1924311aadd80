package dev.telemetryrouter.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.core.config.ConfigSource;
import dev.telemetryrouter.core.config.LoadEnvironment;
import dev.telemetryrouter.core.config.LoadedConfig;
import dev.telemetryrouter.core.config.RoutingConfigLoader;
import dev.telemetryrouter.core.engine.SinkPlan;
import dev.telemetryrouter.spi.FunctionContext;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A sink that names no {@code batch.max_age} gets its own preferred age from the real provider: a
 * minute for S3, where every batch becomes an object, a second for the stream sinks. A value in the
 * file always wins.
 */
class SinkBatchAgeDefaultsTest {

  private static final String YAML =
      """
      version: 1
      sinks:
        archive: {type: s3, bucket: logs, endpoint: "http://127.0.0.1:9"}
        archive_fast: {type: s3, bucket: logs, endpoint: "http://127.0.0.1:9", batch: {max_age: 5s}}
        stream: {type: firehose, stream: logs, endpoint: "http://127.0.0.1:9"}
      """;

  @Test
  void load_withoutMaxAge_takesEachSinksPreferredAge_andAFileValueWins() throws Exception {
    LoadEnvironment environment =
        new LoadEnvironment(
            Map.of("AWS_REGION", "eu-west-1"),
            new FunctionContext("fn", "$LATEST", "eu-west-1", 256, null),
            InstantSource.fixed(Instant.parse("2026-12-04T10:15:30Z")),
            new SplittableRandom(3));

    LoadedConfig config =
        RoutingConfigLoader.standard().load(new ConfigSource("test", YAML), environment);
    Map<String, SinkPlan> sinks =
        config.plan().sinks().stream()
            .collect(Collectors.toMap(SinkPlan::name, Function.identity()));
    config.plan().sinks().forEach(plan -> plan.sink().close());

    assertThat(sinks.get("archive").batch().maxAge()).isEqualTo(Duration.ofMinutes(1));
    assertThat(sinks.get("archive_fast").batch().maxAge()).isEqualTo(Duration.ofSeconds(5));
    assertThat(sinks.get("stream").batch().maxAge()).isEqualTo(Duration.ofSeconds(1));
  }
}
