package dev.telemetryrouter.core.stage;

import dev.telemetryrouter.spi.FieldPath;
import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.config.ConfigSection;
import dev.telemetryrouter.spi.stage.Stage;
import dev.telemetryrouter.spi.stage.StageContext;
import dev.telemetryrouter.spi.stage.StageProvider;
import dev.telemetryrouter.spi.stage.StageResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: fields}: changes fields, in this order: {@code rename} (a mapping of old path to new
 * path; the value moves, a missing one is skipped), {@code add} (a mapping of path to value, where
 * text may use {@code {{field}}} templates, see {@link Template}; with {@code overwrite: false} an
 * existing value is kept), then {@code remove} (a list of paths: fields, or members under {@code
 * record.}; the record's own parts cannot be removed). {@code ${VAR}} in values was already
 * replaced when the file was loaded. Never drops a record.
 */
public final class FieldsStageProvider implements StageProvider {

  @Override
  public String type() {
    return "fields";
  }

  @Override
  public Stage create(StageContext context) {
    ConfigSection config = context.config();
    Map<FieldPath, FieldPath> renames = renames(config);
    Map<FieldPath, Template> additions = additions(config);
    List<FieldPath> removals = removals(config);
    boolean overwrite = config.bool("overwrite", true);
    if (renames.isEmpty() && additions.isEmpty() && removals.isEmpty()) {
      config.problem("type", "fields", "at least one of add, rename, remove");
    }
    return record -> {
      TelemetryRecord result = record;
      for (Map.Entry<FieldPath, FieldPath> rename : renames.entrySet()) {
        Object value = result.get(rename.getKey());
        if (value != null) {
          result = Fields.set(result.without(rename.getKey()), rename.getValue(), value);
        }
      }
      for (Map.Entry<FieldPath, Template> addition : additions.entrySet()) {
        Object value = addition.getValue().render(result);
        if (value != null && (overwrite || result.get(addition.getKey()) == null)) {
          result = Fields.set(result, addition.getKey(), value);
        }
      }
      for (FieldPath removal : removals) {
        result = result.without(removal);
      }
      return StageResult.keep(result);
    };
  }

  private static Map<FieldPath, FieldPath> renames(ConfigSection config) {
    Map<FieldPath, FieldPath> renames = new LinkedHashMap<>();
    config
        .stringMap("rename")
        .forEach(
            (from, to) -> {
              String key = "rename." + from;
              FieldPath source = Condition.fieldPath(config, key, from);
              FieldPath target = Condition.fieldPath(config, key, to);
              Fields.checkRemovable(config, key, source);
              Fields.checkWritable(config, key, target);
              renames.put(source, target);
            });
    return renames;
  }

  private static List<FieldPath> removals(ConfigSection config) {
    List<FieldPath> removals = new ArrayList<>();
    List<String> texts = config.strings("remove");
    boolean list = config.raw("remove") instanceof List<?>;
    for (int i = 0; i < texts.size(); i++) {
      FieldPath path = Condition.fieldPath(config, "remove", texts.get(i));
      Fields.checkRemovable(config, list ? "remove[" + i + "]" : "remove", path);
      removals.add(path);
    }
    return removals;
  }

  private static Map<FieldPath, Template> additions(ConfigSection config) {
    Map<FieldPath, Template> additions = new LinkedHashMap<>();
    ConfigSection add = config.section("add");
    for (String name : add.keys()) {
      FieldPath path = Condition.fieldPath(add, name, name);
      Fields.checkWritable(add, name, path);
      additions.put(path, Template.parse(add, name, json(add.raw(name))));
    }
    return additions;
  }

  /** YAML numbers become decimals, as in every record value; lists and maps are kept. */
  private static @Nullable Object json(@Nullable Object value) {
    return switch (value) {
      case Long number -> BigDecimal.valueOf(number);
      case Integer number -> BigDecimal.valueOf(number);
      case Double number -> BigDecimal.valueOf(number);
      case null -> null;
      default -> value;
    };
  }
}
