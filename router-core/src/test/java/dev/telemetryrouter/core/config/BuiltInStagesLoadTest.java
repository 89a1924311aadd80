package dev.telemetryrouter.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.core.engine.NamedStage;
import dev.telemetryrouter.core.engine.SinkPlan;
import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.stage.StageResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class BuiltInStagesLoadTest {

  @Test
  void load_fullFile_runsARecordThroughEveryBuiltInStage() throws Exception {
    LoadedConfig config =
        Loading.load(fixture("config/full-routing.yaml"), Map.of("STAGE", "prod"));
    TelemetryRecord record =
        TelemetryRecord.builder(Instant.EPOCH, "function", "x")
            .field("message", "{\"level\":\"ERROR\",\"message\":\"card 4111 1111 1111 1111\"}")
            .build();

    for (NamedStage stage : config.plan().pipeline()) {
      record = ((StageResult.Keep) stage.stage().apply(record)).record();
    }

    SinkPlan errors = config.plan().sinks().getFirst();
    assertThat(config.plan().pipeline())
        .extracting(NamedStage::path)
        .containsExactly("pipeline[0]", "pipeline[1]", "pipeline[2]", "pipeline[3]", "pipeline[4]");
    assertThat(record.message()).isEqualTo("card [REDACTED:credit_card]");
    assertThat(record.fields()).containsEntry("env", "prod").containsEntry("level", "ERROR");
    assertThat(errors.when().test(record)).isTrue();
    assertThat(((TestSinkProvider.MemorySink) errors.sink()).target()).isEqualTo("errors-prod");
    assertThat(config.plan().sinks().get(1).stages()).hasSize(1);
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in =
        Objects.requireNonNull(
            BuiltInStagesLoadTest.class.getClassLoader().getResourceAsStream(name))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
