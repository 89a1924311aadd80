package dev.telemetryrouter.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Replaces {@code ${VAR}} and {@code ${VAR:-default}} in every text scalar and every key of a
 * loaded YAML tree; {@code $${} stands for a literal {@code ${}. An unset variable without a
 * default, an empty or badly formed name, and a {@code ${} without its {@code }} are problems at
 * the key path where they occur; such a problem shows the reference alone, never the text around
 * it, which may hold a secret (an unclosed one shows the text, masked at a secret key). A variable
 * set to the empty string counts as set. Other problems at such a path are not listed ({@link
 * Problems}): they would judge the text left in the reference's place, which nobody wrote.
 */
final class Interpolator {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Map<String, String> environment;
  private final Problems problems;

  Interpolator(Map<String, String> environment, Problems problems) {
    this.environment = environment;
    this.problems = problems;
  }

  /**
   * A copy of {@code node} with every text interpolated; subtrees whose path {@code skip} accepts
   * are copied unchanged.
   */
  @Nullable Object apply(@Nullable Object node, String path, Predicate<String> skip) {
    if (skip.test(path)) {
      return node;
    }
    return switch (node) {
      case String text -> text(text, path);
      case Map<?, ?> map -> {
        Map<String, @Nullable Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          String key = String.valueOf(entry.getKey());
          String childPath = path.isEmpty() ? key : path + "." + key;
          copy.put(text(key, childPath), apply(entry.getValue(), childPath, skip));
        }
        yield copy;
      }
      case List<?> list -> {
        List<@Nullable Object> copy = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
          copy.add(apply(list.get(i), path + "[" + i + "]", skip));
        }
        yield copy;
      }
      case null -> null;
      default -> node;
    };
  }

  /** Interpolates one text found at {@code path}. */
  String text(String text, String path) {
    if (!text.contains("${")) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    while (at < text.length()) {
      if (text.startsWith("$${", at)) {
        out.append("${");
        at += 3;
      } else if (text.startsWith("${", at)) {
        int end = text.indexOf('}', at + 2);
        if (end < 0) {
          problems.addUnresolved(
              path, text, "a closing } after ${ (write $${ for a literal ${)", false);
          return text;
        }
        out.append(resolve(text.substring(at + 2, end), path));
        at = end + 1;
      } else {
        out.append(text.charAt(at));
        at++;
      }
    }
    return out.toString();
  }

  private String resolve(String reference, String path) {
    int split = reference.indexOf(":-");
    String name = split < 0 ? reference : reference.substring(0, split);
    if (!NAME.matcher(name).matches()) {
      problems.addUnresolved(
          path,
          "${" + reference + "}",
          "${NAME} or ${NAME:-default} with NAME of letters, digits and _",
          true);
      return "";
    }
    String value = environment.get(name);
    if (value != null) {
      return value;
    }
    if (split >= 0) {
      return reference.substring(split + 2);
    }
    problems.addUnresolved(
        path,
        "${" + name + "}",
        "the environment variable " + name + " to be set, or a default as ${" + name + ":-value}",
        true);
    return "";
  }
}
