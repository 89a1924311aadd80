package dev.telemetryrouter.core.stage;

import dev.telemetryrouter.spi.FieldPath;
import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.config.ConfigSection;
import dev.telemetryrouter.spi.stage.Stage;
import dev.telemetryrouter.spi.stage.StageContext;
import dev.telemetryrouter.spi.stage.StageProvider;
import dev.telemetryrouter.spi.stage.StageResult;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: parse_json}: when the text at {@code source} (default {@code message}) is a JSON
 * object, puts its members into the record's fields, or under the field path {@code target} when
 * one is given. Numbers become decimals. A record whose source is absent or not a JSON object
 * passes unchanged, never dropped. With {@code overwrite: false}, members whose name is already a
 * field are left out; by default they replace it. Members that are JSON null are left out (so a
 * JSON log's own {@code level} and {@code message} win over the derived ones).
 */
public final class ParseJsonStageProvider implements StageProvider {

  @Override
  public String type() {
    return "parse_json";
  }

  @Override
  public Stage create(StageContext context) {
    ConfigSection config = context.config();
    FieldPath source =
        Condition.fieldPath(config, "source", config.optionalString("source").orElse("message"));
    Optional<FieldPath> target =
        config.optionalString("target").map(text -> Condition.fieldPath(config, "target", text));
    boolean overwrite = config.bool("overwrite", true);
    target.ifPresent(path -> Fields.checkWritable(config, "target", path));
    return record -> StageResult.keep(parse(record, source, target, overwrite));
  }

  private static TelemetryRecord parse(
      TelemetryRecord record, FieldPath source, Optional<FieldPath> target, boolean overwrite) {
    if (!(record.get(source) instanceof String text)) {
      return record;
    }
    Optional<Map<String, @Nullable Object>> parsed = JsonValues.parseObject(text);
    if (parsed.isEmpty()) {
      return record;
    }
    if (target.isPresent()) {
      return Fields.set(record, target.get(), parsed.get());
    }
    TelemetryRecord.Builder builder = record.toBuilder();
    parsed
        .get()
        .forEach(
            (name, value) -> {
              if (value != null && (overwrite || !record.fields().containsKey(name))) {
                builder.field(name, value);
              }
            });
    return builder.build();
  }
}
