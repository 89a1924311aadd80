package dev.telemetryrouter.core.config;

import dev.telemetryrouter.spi.stage.Stage;
import dev.telemetryrouter.spi.stage.StageContext;
import dev.telemetryrouter.spi.stage.StageProvider;
import dev.telemetryrouter.spi.stage.StageResult;

/** A test-only stage of type {@code tag}: sets field {@code tag} to its option {@code value}. */
public final class TestStageProvider implements StageProvider {

  @Override
  public String type() {
    return "tag";
  }

  @Override
  public Stage create(StageContext context) {
    String value = context.config().string("value");
    return record -> StageResult.keep(record.toBuilder().field("tag", value).build());
  }
}
