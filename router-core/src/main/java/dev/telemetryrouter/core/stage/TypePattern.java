package dev.telemetryrouter.core.stage;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A record type with {@code *} wildcards, such as {@code platform.*} or {@code function}. A {@code
 * *} matches any run of characters, dots included; everything else matches itself.
 */
final class TypePattern {

  private final Pattern pattern;

  private TypePattern(String glob) {
    this.pattern =
        Pattern.compile(
            Arrays.stream(glob.split("\\*", -1))
                .map(Pattern::quote)
                .collect(Collectors.joining(".*")));
  }

  static List<TypePattern> all(List<String> globs) {
    return globs.stream().map(TypePattern::new).toList();
  }

  static boolean anyMatches(List<TypePattern> patterns, String type) {
    for (TypePattern candidate : patterns) {
      if (candidate.pattern.matcher(type).matches()) {
        return true;
      }
    }
    return false;
  }
}
