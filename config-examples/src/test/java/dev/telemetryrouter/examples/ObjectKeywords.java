package dev.telemetryrouter.examples;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The object keywords of {@link SchemaCheck}: properties, required and their company. */
final class ObjectKeywords {

  private ObjectKeywords() {}

  @SuppressWarnings("unchecked")
  static void apply(
      SchemaCheck check,
      Map<String, Object> schema,
      String keyword,
      Object argument,
      Map<?, ?> value,
      String path,
      List<String> errors) {
    switch (keyword) {
      case "properties" -> {
        Map<String, Object> properties = (Map<String, Object>) argument;
        value.forEach(
            (key, child) -> {
              Object property = properties.get(String.valueOf(key));
              if (property != null) {
                check.checkAt(property, child, join(path, key), errors);
              }
            });
      }
      case "required" -> {
        for (Object key : (List<?>) argument) {
          if (!value.containsKey(key)) {
            errors.add(SchemaCheck.at(join(path, key)) + "missing, and required");
          }
        }
      }
      case "additionalProperties" -> {
        Map<String, Object> properties =
            (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        value.forEach(
            (key, child) -> {
              if (properties.containsKey(String.valueOf(key))) {
                return;
              }
              if (Boolean.FALSE.equals(argument)) {
                errors.add(
                    SchemaCheck.at(join(path, key))
                        + "not a known key; known: "
                        + String.join(", ", new TreeSet<>(properties.keySet())));
              } else {
                check.checkAt(argument, child, join(path, key), errors);
              }
            });
      }
      case "propertyNames" ->
          value.keySet().forEach(key -> check.checkAt(argument, key, join(path, key), errors));
      case "minProperties" -> {
        if (value.size() < ((Number) argument).intValue()) {
          errors.add(SchemaCheck.at(path) + "needs at least " + argument + " keys");
        }
      }
      default -> throw new IllegalStateException("not an object keyword: " + keyword);
    }
  }

  private static String join(String path, Object key) {
    return path.isEmpty() ? String.valueOf(key) : path + "." + key;
  }
}
