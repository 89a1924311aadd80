package dev.telemetryrouter.core.stage;

import dev.telemetryrouter.spi.FieldPath;
import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.config.ConfigSection;
import dev.telemetryrouter.spi.config.Secret;
import dev.telemetryrouter.spi.stage.Stage;
import dev.telemetryrouter.spi.stage.StageContext;
import dev.telemetryrouter.spi.stage.StageProvider;
import dev.telemetryrouter.spi.stage.StageResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: redact}: hides sensitive text in the message, the raw payload and other chosen
 * fields.
 *
 * <ul>
 *   <li>{@code detectors}: built-in detector names, or {@code all}: {@code jwt}, {@code
 *       bearer_token}, {@code aws_access_key_id}, {@code aws_secret_key}, {@code email}, {@code
 *       credit_card} (only numbers that pass the Luhn check), {@code ipv4}.
 *   <li>{@code patterns}: custom detectors, each {@code {name, regex}}.
 *   <li>{@code fields}: the field paths to redact; objects and lists are redacted in every text
 *       they hold. By default every field (derived, parsed by {@code parse_json}, or added) and the
 *       raw payload, text or object: a value a detector finds must not survive in a part of the
 *       record nobody thought to list.
 *   <li>{@code mode}: {@code mask} (default) replaces a match by {@code mask} (default {@code
 *       [REDACTED:<detector>]}); {@code hash} replaces it by {@code [<detector>:<16 hex>]}, the
 *       start of its HMAC-SHA256 under {@code hash_key} (a secret of at least 16 characters), so
 *       equal values can still be correlated without being revealed.
 * </ul>
 */
public final class RedactStageProvider implements StageProvider {

  /** Shorter HMAC keys are guessable; 16 characters is the least we accept. */
  private static final int MIN_KEY_CHARS = 16;

  @Override
  public String type() {
    return "redact";
  }

  @Override
  public Stage create(StageContext context) {
    ConfigSection config = context.config();
    List<Detector> detectors = detectors(config);
    Redactor redactor = redactor(config, detectors);
    if (!config.has("fields")) {
      return record -> StageResult.keep(redactEverything(record, redactor));
    }
    List<FieldPath> fields = new ArrayList<>();
    for (String name : config.strings("fields")) {
      fields.add(Condition.fieldPath(config, "fields", name));
    }
    return record -> StageResult.keep(redact(record, fields, redactor));
  }

  /** Every field and the payload; the same record when nothing was found. */
  private static TelemetryRecord redactEverything(TelemetryRecord record, Redactor redactor) {
    TelemetryRecord.Builder changed = null;
    for (Map.Entry<String, @Nullable Object> field : record.fields().entrySet()) {
      Object value = field.getValue();
      Object redacted = redactor.apply(value);
      if (redacted != value) {
        changed = changed == null ? record.toBuilder() : changed;
        changed.field(field.getKey(), redacted);
      }
    }

    Object payload = record.payload();
    Object redactedPayload = redactor.apply(payload);
    if (redactedPayload != null && redactedPayload != payload) {
      changed = changed == null ? record.toBuilder() : changed;
      changed.payload(redactedPayload);
    }
    return changed == null ? record : changed.build();
  }

  private static TelemetryRecord redact(
      TelemetryRecord record, List<FieldPath> fields, Redactor redactor) {
    TelemetryRecord result = record;
    for (FieldPath field : fields) {
      Object value = result.get(field);
      Object redacted = redactor.apply(value);
      if (redacted != value) {
        result = Fields.set(result, field, redacted);
      }
    }
    return result;
  }

  private static List<Detector> detectors(ConfigSection config) {
    List<Detector> detectors = new ArrayList<>();
    List<String> names = config.strings("detectors");
    if (names.contains("all")) {
      detectors.addAll(Detector.BUILT_IN.values());
    } else {
      for (String name : names) {
        Detector detector = Detector.BUILT_IN.get(name);
        if (detector == null) {
          config.problem(
              "detectors",
              name,
              "all or detector names: " + String.join(", ", Detector.BUILT_IN.keySet()));
        } else {
          detectors.add(detector);
        }
      }
    }
    for (ConfigSection pattern : config.sections("patterns")) {
      detectors.add(Detector.custom(pattern.string("name"), FieldTest.compile(pattern, "regex")));
    }
    if (detectors.isEmpty()) {
      config.problem("detectors", config.raw("detectors"), "at least one detector or pattern");
    }
    return detectors;
  }

  private static Redactor redactor(ConfigSection config, List<Detector> detectors) {
    String mode = config.choice("mode", "mask", List.of("mask", "hash"));
    Optional<String> mask = config.optionalString("mask");
    Optional<Secret> key = config.secret("hash_key");
    if (!mode.equals("hash")) {
      return Redactor.masking(detectors, mask.orElse(null));
    }
    if (key.isEmpty() || key.get().reveal().length() < MIN_KEY_CHARS) {
      config.problem(
          "hash_key",
          key.orElse(null),
          "a secret of at least 16 characters for mode hash, such as ${REDACT_KEY}");
      return Redactor.masking(detectors, null);
    }
    return Redactor.hashing(detectors, key.get().reveal().getBytes(StandardCharsets.UTF_8));
  }
}
