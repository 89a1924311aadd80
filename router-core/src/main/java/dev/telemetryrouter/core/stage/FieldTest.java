package dev.telemetryrouter.core.stage;

import dev.telemetryrouter.spi.FieldPath;
import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.config.ConfigSection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/** The leaf of the condition language: {@code field:} with its operators. */
final class FieldTest {

  private static final List<String> OPERATORS =
      List.of("equals", "not_equals", "in", "exists", "gt", "gte", "lt", "lte", "matches");

  private FieldTest() {}

  static Predicate<TelemetryRecord> parse(ConfigSection section) {
    FieldPath path = Condition.fieldPath(section, "field", section.string("field"));
    List<Predicate<@Nullable Object>> tests = new ArrayList<>();
    if (section.has("equals")) {
      String expected = scalar(section, "equals");
      tests.add(value -> value != null && same(value, expected));
    }
    if (section.has("not_equals")) {
      String unexpected = scalar(section, "not_equals");
      tests.add(value -> value != null && !same(value, unexpected));
    }
    if (section.has("in")) {
      List<String> options = section.strings("in");
      tests.add(value -> value != null && options.stream().anyMatch(o -> same(value, o)));
    }
    if (section.has("exists")) {
      boolean wanted = section.bool("exists", true);
      tests.add(value -> (value != null) == wanted);
    }
    addComparisons(section, tests);
    if (section.has("matches")) {
      Pattern pattern = compile(section, "matches");
      tests.add(value -> isScalar(value) && pattern.matcher(String.valueOf(value)).find());
    }
    if (OPERATORS.stream().noneMatch(section::has)) {
      section.problem(
          "field", path.toString(), "an operator beside it: " + String.join(", ", OPERATORS));
    }
    return record -> {
      Object value = record.get(path);
      for (Predicate<@Nullable Object> test : tests) {
        if (!test.test(value)) {
          return false;
        }
      }
      return true;
    };
  }

  private static void addComparisons(
      ConfigSection section, List<Predicate<@Nullable Object>> tests) {
    for (String operator : List.of("gt", "gte", "lt", "lte")) {
      if (!section.has(operator)) {
        continue;
      }
      Object raw = section.raw(operator);
      Optional<BigDecimal> parsed = isScalar(raw) ? number(raw) : Optional.empty();
      if (parsed.isEmpty()) {
        section.problem(operator, raw, "a number, such as 500 or 0.25");
        continue;
      }
      BigDecimal bound = parsed.get();
      tests.add(
          value -> {
            Optional<BigDecimal> number = number(value);
            if (number.isEmpty()) {
              return false;
            }
            int order = number.get().compareTo(bound);
            return switch (operator) {
              case "gt" -> order > 0;
              case "gte" -> order >= 0;
              case "lt" -> order < 0;
              default -> order <= 0;
            };
          });
    }
  }

  /** Compiles the regular expression at {@code key}, recording a problem when it is invalid. */
  static Pattern compile(ConfigSection section, String key) {
    String regex = section.string(key);
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException invalid) {
      section.problem(key, regex, "a regular expression (" + invalid.getDescription() + ")");
      return Pattern.compile("(?!)");
    }
  }

  private static String scalar(ConfigSection section, String key) {
    Object raw = section.raw(key);
    if (raw instanceof Map<?, ?> || raw instanceof List<?>) {
      section.problem(key, raw, "a single value");
      return "";
    }
    return raw == null ? "" : section.string(key);
  }

  /** Numbers compare as numbers, anything else by its text. */
  static boolean same(Object value, String expected) {
    if (!isScalar(value)) {
      return false;
    }
    Optional<BigDecimal> number = number(value);
    if (number.isPresent()) {
      Optional<BigDecimal> other = number(expected);
      if (other.isPresent()) {
        return number.get().compareTo(other.get()) == 0;
      }
    }
    return String.valueOf(value).equals(expected);
  }

  private static boolean isScalar(@Nullable Object value) {
    return value instanceof String || value instanceof Number || value instanceof Boolean;
  }

  private static Optional<BigDecimal> number(@Nullable Object value) {
    if (value instanceof BigDecimal decimal) {
      return Optional.of(decimal);
    }
    if (value instanceof Number || value instanceof String) {
      try {
        return Optional.of(new BigDecimal(value.toString().strip()));
      } catch (NumberFormatException notANumber) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
