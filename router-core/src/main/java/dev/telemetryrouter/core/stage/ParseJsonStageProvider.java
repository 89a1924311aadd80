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
 * {@code type: parse_json}: when the value at {@code source} is a JSON object (text holding one, or
 * an object), puts its members into the record's fields, or under the field path {@code target}
 * when one is given. Numbers become decimals. A record whose source is absent or not a JSON object
 * passes unchanged, never dropped.
 *
 * <p>Without {@code source}, a log record's raw payload is read: the text line as the function
 * printed it, or the object of a JSON-format log. The derived {@code message} cannot serve: for a
 * line that is a JSON object the intake already set it to that object's own {@code message} member.
 * When the payload is text that is not an object (a runtime's prefixed line), the {@code message}
 * field is tried instead. Platform events are left alone unless {@code source} names them.
 *
 * <p>With {@code overwrite: false}, members whose name is already a field are left out; by default
 * they replace it. Members that are JSON null are left out (so a JSON log's own {@code level} and
 * {@code message} win over the derived ones).
 */
public final class ParseJsonStageProvider implements StageProvider {

  /** Types of Lambda's own events; the rest ({@code function}, {@code extension}) are logs. */
  private static final String PLATFORM = "platform.";

  @Override
  public String type() {
    return "parse_json";
  }

  @Override
  public Stage create(StageContext context) {
    ConfigSection config = context.config();
    Optional<FieldPath> source =
        config.optionalString("source").map(text -> Condition.fieldPath(config, "source", text));
    Optional<FieldPath> target =
        config.optionalString("target").map(text -> Condition.fieldPath(config, "target", text));
    boolean overwrite = config.bool("overwrite", true);
    target.ifPresent(path -> Fields.checkWritable(config, "target", path));
    return record -> StageResult.keep(parse(record, source, target, overwrite));
  }

  private static TelemetryRecord parse(
      TelemetryRecord record,
      Optional<FieldPath> source,
      Optional<FieldPath> target,
      boolean overwrite) {
    Optional<Map<String, @Nullable Object>> parsed =
        source.isPresent() ? object(record.get(source.get())) : logObject(record);
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

  /** The object in a log record's payload, else in its message; empty for platform events. */
  private static Optional<Map<String, @Nullable Object>> logObject(TelemetryRecord record) {
    if (record.type().startsWith(PLATFORM)) {
      return Optional.empty();
    }
    Optional<Map<String, @Nullable Object>> payload = object(record.payload());
    return payload.isPresent() || !(record.payload() instanceof String)
        ? payload
        : object(record.fields().get(TelemetryRecord.MESSAGE));
  }

  @SuppressWarnings("unchecked")
  private static Optional<Map<String, @Nullable Object>> object(@Nullable Object value) {
    return switch (value) {
      case String text -> JsonValues.parseObject(text);
      case Map<?, ?> map -> Optional.of((Map<String, @Nullable Object>) map);
      case null, default -> Optional.empty();
    };
  }
}
