package dev.telemetryrouter.core.stage;

import dev.telemetryrouter.spi.FieldPath;
import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.config.ConfigSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The condition language shared by the {@code filter} stage and a sink's {@code when}. A condition
 * is a mapping with one of:
 *
 * <ul>
 *   <li>{@code field: <path>} and one or more operators, all of which must hold: {@code equals},
 *       {@code not_equals}, {@code in} (a list), {@code exists} (true or false), {@code gt}, {@code
 *       gte}, {@code lt}, {@code lte} (numbers), {@code matches} (a regular expression found
 *       anywhere in the value's text);
 *   <li>{@code all: [conditions]}, {@code any: [conditions]}, {@code not: condition}.
 * </ul>
 *
 * <p>A field that is absent fails every operator except {@code exists: false}; use {@code not:}
 * around {@code equals} to include records without the field. Values compare as numbers when both
 * sides are numbers, else as text.
 */
public final class Condition {

  private static final List<String> FORMS = List.of("field", "all", "any", "not");

  private Condition() {}

  /** A condition that holds for every record, for a sink without {@code when}. */
  public static Predicate<TelemetryRecord> always() {
    return record -> true;
  }

  /**
   * Parses the condition at {@code key} of {@code parent}; problems are recorded there, and the
   * result is then a condition that never holds.
   */
  public static Predicate<TelemetryRecord> parse(ConfigSection parent, String key) {
    Object raw = parent.raw(key);
    if (!(raw instanceof Map<?, ?>)) {
      parent.problem(key, raw, "a condition: a mapping with one of field, all, any or not");
      return record -> false;
    }
    return parse(parent.section(key), parent, key, raw);
  }

  private static Predicate<TelemetryRecord> parse(
      ConfigSection section, ConfigSection parent, String key, @Nullable Object shown) {
    List<String> forms = new ArrayList<>();
    for (String form : FORMS) {
      if (section.has(form)) {
        forms.add(form);
      }
    }
    if (forms.size() != 1) {
      parent.problem(
          key,
          forms.isEmpty() ? shown : String.join(" and ", forms),
          "a condition with exactly one of field, all, any or not");
      return record -> false;
    }
    return switch (forms.getFirst()) {
      case "all" -> all(parseList(section, "all"));
      case "any" -> any(parseList(section, "any"));
      case "not" -> parse(section, "not").negate();
      default -> FieldTest.parse(section);
    };
  }

  private static List<Predicate<TelemetryRecord>> parseList(ConfigSection section, String key) {
    List<ConfigSection> items = section.sections(key);
    List<?> raw = section.raw(key) instanceof List<?> list ? list : List.of();
    if (items.isEmpty()) {
      section.problem(key, section.raw(key), "a non-empty list of conditions");
    }
    List<Predicate<TelemetryRecord>> tests = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Object shown = i < raw.size() ? raw.get(i) : null;
      tests.add(parse(items.get(i), section, key + "[" + i + "]", shown));
    }
    return tests;
  }

  private static Predicate<TelemetryRecord> all(List<Predicate<TelemetryRecord>> tests) {
    return record -> {
      for (Predicate<TelemetryRecord> test : tests) {
        if (!test.test(record)) {
          return false;
        }
      }
      return true;
    };
  }

  private static Predicate<TelemetryRecord> any(List<Predicate<TelemetryRecord>> tests) {
    return record -> {
      for (Predicate<TelemetryRecord> test : tests) {
        if (test.test(record)) {
          return true;
        }
      }
      return false;
    };
  }

  /** Parses a field path, recording a problem at {@code key} when it is not one. */
  static FieldPath fieldPath(ConfigSection section, String key, String text) {
    try {
      return FieldPath.parse(text);
    } catch (IllegalArgumentException invalid) {
      section.problem(key, text, "a field path such as message, level or record.status");
      return FieldPath.parse("message");
    }
  }
}
