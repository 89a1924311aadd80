package dev.telemetryrouter.core.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * Turns a YAML parser's complaint into a line a person can act on: the parser's words without its
 * quoting of single characters, and a hint for the mistake people make most with {@code ${VAR}}.
 */
final class YamlSyntax {

  /** The parser's "expected A, but got B" (SnakeYAML Engine's wording), reordered. */
  private static final Pattern EXPECTED = Pattern.compile("expected (.+), but (?:got|found) (.+)");

  /** A character or two in single quotes, as the parser shows tokens. */
  private static final Pattern QUOTED_TOKEN = Pattern.compile("'([^']{1,2})'");

  /** A tab as the parser shows it: {@code '\t(TAB)'}, plus its own advice in parentheses. */
  private static final Pattern TAB = Pattern.compile("found character '\\\\t\\(TAB\\)'.*");

  /** A {@code ${...}} inside a flow mapping, which YAML reads as the start of another mapping. */
  private static final Pattern REFERENCE_IN_FLOW = Pattern.compile("\\{[^}]*\\$\\{");

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{[^}]*}");

  private YamlSyntax() {}

  /** The parser's {@code problem} in plain words. */
  static String describe(String problem) {
    if (TAB.matcher(problem).matches()) {
      return "a tab character, which YAML does not allow for indentation";
    }
    if (problem.equals("mapping values are not allowed here")) {
      return "a colon and a space inside a plain value";
    }
    Matcher expected = EXPECTED.matcher(problem);
    String text =
        expected.matches()
            ? "found " + expected.group(2) + " where " + expected.group(1) + " should come"
            : problem;
    text = QUOTED_TOKEN.matcher(text).replaceAll("$1");
    return text.replace("<stream end>", "the end of the file")
        .replace("<block end>", "the end of an indented block");
  }

  /** What to do, for a mistake on the marked line that has a known cause. */
  static Optional<String> hint(String yaml, Mark mark) {
    String[] lines = yaml.split("\r?\n", -1);
    if (mark.getLine() >= lines.length) {
      return Optional.empty();
    }
    String line = lines[mark.getLine()];
    if (!REFERENCE_IN_FLOW.matcher(line).find()) {
      return Optional.empty();
    }
    Matcher reference = REFERENCE.matcher(line);
    String example = reference.find() ? reference.group() : "${VAR}";
    return Optional.of(
        "a ${...} inside {...} reads as a nested mapping: quote the value, as in \""
            + example
            + "\", or write the mapping in block style, one key per line");
  }
}
