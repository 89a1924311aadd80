package dev.telemetryrouter.core.engine;

import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.stage.StageResult;
import java.util.List;

/** Small stages for tests: parse a level from text, filter by it, enrich, and a broken one. */
final class PipelineStages {

  private PipelineStages() {}

  /** Reads {@code "<LEVEL> <message>"} from a text payload into the level and message fields. */
  static NamedStage parseLevel() {
    return new NamedStage(
        "pipeline[0]",
        record -> {
          if (!(record.payload() instanceof String text) || text.indexOf(' ') < 0) {
            return StageResult.keep(record);
          }
          int space = text.indexOf(' ');
          return StageResult.keep(
              record.toBuilder()
                  .field(TelemetryRecord.LEVEL, text.substring(0, space))
                  .field(TelemetryRecord.MESSAGE, text.substring(space + 1))
                  .build());
        });
  }

  static NamedStage dropLevel(String level) {
    return new NamedStage(
        "pipeline[1]",
        record ->
            level.equals(record.level())
                ? StageResult.drop("filter:level")
                : StageResult.keep(record));
  }

  static NamedStage addField(String name, String value) {
    return new NamedStage(
        "pipeline[2]", record -> StageResult.keep(record.toBuilder().field(name, value).build()));
  }

  /** Throws for records whose message ends with {@code suffix}: a stage with a bug. */
  static NamedStage failOn(String suffix) {
    return new NamedStage(
        "pipeline[3]",
        record -> {
          String message = record.message();
          if (message != null && message.endsWith(suffix)) {
            throw new IllegalArgumentException("cannot handle this record");
          }
          return StageResult.keep(record);
        });
  }

  static List<NamedStage> all() {
    return List.of(parseLevel(), dropLevel("DEBUG"), addField("service", "orders"), failOn("#13"));
  }
}
