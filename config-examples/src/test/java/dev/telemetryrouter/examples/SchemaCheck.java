package dev.telemetryrouter.examples;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks a YAML tree against a JSON Schema, for the subset of draft 2020-12 that {@code
 * docs/routing.schema.json} uses. A keyword outside the subset is an error of the schema rather
 * than silently ignored, so the schema cannot grow past what this checker really checks.
 *
 * <p>Errors read {@code <key path>: <what is wrong>}, with key paths as the loader writes them
 * ({@code sinks.archive.batch.max_bytes}, {@code pipeline[0].type}).
 */
final class SchemaCheck {

  /** The keywords this checker implements; annotations ({@code title}, ...) are ignored. */
  static final Set<String> KEYWORDS =
      Set.of(
          "$schema",
          "title",
          "description",
          "$defs",
          "$ref",
          "type",
          "properties",
          "required",
          "additionalProperties",
          "propertyNames",
          "minProperties",
          "items",
          "minItems",
          "enum",
          "const",
          "pattern",
          "minimum",
          "anyOf",
          "oneOf",
          "allOf",
          "not",
          "if",
          "then",
          "else");

  private final Map<String, Object> root;

  SchemaCheck(Map<String, Object> root) {
    this.root = root;
  }

  /** Every error of {@code instance}; empty when it is valid. */
  List<String> errors(@Nullable Object instance) {
    List<String> errors = new ArrayList<>();
    check(root, instance, "", errors);
    return errors;
  }

  /** The schema at {@code #/$defs/<name>}. */
  @SuppressWarnings("unchecked")
  Object definition(String reference) {
    if (!reference.startsWith("#/$defs/")) {
      throw new IllegalStateException("unsupported $ref " + reference + ": only #/$defs/<name>");
    }
    Map<String, Object> defs = (Map<String, Object>) root.get("$defs");
    Object schema = defs == null ? null : defs.get(reference.substring("#/$defs/".length()));
    if (schema == null) {
      throw new IllegalStateException("$ref " + reference + " names no definition");
    }
    return schema;
  }

  @SuppressWarnings("unchecked")
  private void check(Object schema, @Nullable Object value, String path, List<String> errors) {
    if (schema instanceof Boolean allowed) {
      if (!allowed) {
        errors.add(at(path) + "not allowed here");
      }
      return;
    }
    Map<String, Object> keywords = (Map<String, Object>) schema;
    for (Map.Entry<String, Object> keyword : keywords.entrySet()) {
      if (!KEYWORDS.contains(keyword.getKey())) {
        throw new IllegalStateException("unsupported keyword " + keyword.getKey());
      }
      apply(keywords, keyword.getKey(), keyword.getValue(), value, path, errors);
    }
  }

  private void apply(
      Map<String, Object> schema,
      String keyword,
      Object argument,
      @Nullable Object value,
      String path,
      List<String> errors) {
    switch (keyword) {
      case "$ref" -> check(definition((String) argument), value, path, errors);
      case "type" -> checkType(argument, value, path, errors);
      case "enum" -> {
        if (((List<?>) argument).stream().noneMatch(option -> same(option, value))) {
          errors.add(at(path) + shown(value) + " is not one of " + argument);
        }
      }
      case "const" -> {
        if (!same(argument, value)) {
          errors.add(at(path) + shown(value) + " is not " + argument);
        }
      }
      case "pattern" -> {
        if (value instanceof String text
            && !Pattern.compile((String) argument).matcher(text).find()) {
          errors.add(at(path) + shown(value) + " does not match " + argument);
        }
      }
      case "minimum" -> {
        if (value instanceof Number number
            && decimal(number).compareTo(decimal((Number) argument)) < 0) {
          errors.add(at(path) + value + " is below " + argument);
        }
      }
      case "anyOf", "oneOf" -> checkAlternatives(keyword, (List<?>) argument, value, path, errors);
      case "allOf" -> ((List<?>) argument).forEach(part -> check(part, value, path, errors));
      case "not" -> {
        if (errorsOf(argument, value, path).isEmpty()) {
          errors.add(at(path) + shown(value) + " matches a schema it must not match");
        }
      }
      case "if" -> {
        Object branch =
            errorsOf(argument, value, path).isEmpty() ? schema.get("then") : schema.get("else");
        if (branch != null) {
          check(branch, value, path, errors);
        }
      }
      case "properties", "required", "additionalProperties", "propertyNames", "minProperties" -> {
        if (value instanceof Map<?, ?> map) {
          ObjectKeywords.apply(this, schema, keyword, argument, map, path, errors);
        }
      }
      case "items" -> {
        if (value instanceof List<?> list) {
          for (int i = 0; i < list.size(); i++) {
            check(argument, list.get(i), path + "[" + i + "]", errors);
          }
        }
      }
      case "minItems" -> {
        if (value instanceof List<?> list && list.size() < ((Number) argument).intValue()) {
          errors.add(at(path) + "needs at least " + argument + " items");
        }
      }
      default -> {} // then, else (read with if), and annotations
    }
  }

  /** Checks {@code value} against {@code schema} at {@code path}, into {@code errors}. */
  void checkAt(Object schema, @Nullable Object value, String path, List<String> errors) {
    check(schema, value, path, errors);
  }

  List<String> errorsOf(Object schema, @Nullable Object value, String path) {
    List<String> errors = new ArrayList<>();
    check(schema, value, path, errors);
    return errors;
  }

  private void checkAlternatives(
      String keyword, List<?> options, @Nullable Object value, String path, List<String> errors) {
    List<List<String>> failures = new ArrayList<>();
    for (Object option : options) {
      failures.add(errorsOf(option, value, path));
    }
    long matching = failures.stream().filter(List::isEmpty).count();
    if (matching == 0) {
      // The closest alternative's errors say most about what was meant.
      errors.addAll(failures.stream().min(Comparator.comparingInt(List::size)).orElseThrow());
    } else if (keyword.equals("oneOf") && matching > 1) {
      errors.add(at(path) + "matches " + matching + " alternatives of oneOf, expected exactly one");
    }
  }

  private static void checkType(
      Object argument, @Nullable Object value, String path, List<String> errors) {
    List<?> types = argument instanceof List<?> list ? list : List.of(argument);
    if (types.stream().noneMatch(type -> isType((String) type, value))) {
      errors.add(at(path) + shown(value) + " is not of type " + argument);
    }
  }

  private static boolean isType(String type, @Nullable Object value) {
    return switch (type) {
      case "object" -> value instanceof Map<?, ?>;
      case "array" -> value instanceof List<?>;
      case "string" -> value instanceof String;
      case "boolean" -> value instanceof Boolean;
      case "null" -> value == null;
      case "number" -> value instanceof Number;
      case "integer" ->
          value instanceof Integer
              || value instanceof Long
              || value instanceof BigInteger
              || (value instanceof Number n && decimal(n).stripTrailingZeros().scale() <= 0);
      default -> throw new IllegalStateException("unsupported type " + type);
    };
  }

  private static boolean same(@Nullable Object expected, @Nullable Object value) {
    if (expected instanceof Number a && value instanceof Number b) {
      return decimal(a).compareTo(decimal(b)) == 0;
    }
    return expected == null ? value == null : expected.equals(value);
  }

  private static BigDecimal decimal(Number number) {
    return new BigDecimal(number.toString());
  }

  static String at(String path) {
    return (path.isEmpty() ? "(root)" : path) + ": ";
  }

  private static String shown(@Nullable Object value) {
    return value instanceof String text ? "'" + text + "'" : String.valueOf(value);
  }
}
