package dev.telemetryrouter.core.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Parses YAML text into plain values: maps with text keys, lists, {@link String}, {@link Long},
 * {@link Double}, {@link Boolean} and null. SnakeYAML Engine constructs only these standard types
 * (no class tags), so loading cannot instantiate arbitrary classes. A syntax error becomes one
 * problem with its line and column, in plain words ({@link YamlSyntax}).
 */
final class YamlReader {

  /** A routing file is small; this bounds a hostile or mistaken input (code points). */
  private static final int MAX_CODE_POINTS = 1_000_000;

  /** Aliases are legitimate but rare here; a low bound stops alias-expansion ("billion laughs"). */
  private static final int MAX_ALIASES = 50;

  private YamlReader() {}

  /** The document's root, or null after recording the syntax error in {@code problems}. */
  static @Nullable Object read(String yaml, String label, Problems problems) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(label)
            .setAllowDuplicateKeys(false)
            .setAllowRecursiveKeys(false)
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setCodePointLimit(MAX_CODE_POINTS)
            .build();
    try {
      return normalize(new Load(settings).loadFromString(yaml));
    } catch (MarkedYamlEngineException error) {
      Mark mark = error.getProblemMark().or(error::getContextMark).orElse(null);
      String where =
          mark == null
              ? "(yaml)"
              : "(yaml line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
      String hint = mark == null ? "" : YamlSyntax.hint(yaml, mark).map(h -> "; " + h).orElse("");
      problems.addDescribed(where, YamlSyntax.describe(error.getProblem()), "valid YAML" + hint);
      return null;
    } catch (YamlEngineException error) {
      problems.addDescribed(
          "(yaml)", YamlSyntax.describe(String.valueOf(error.getMessage())), "valid YAML");
      return null;
    }
  }

  private static @Nullable Object normalize(@Nullable Object node) {
    return switch (node) {
      case null -> null;
      case String text -> text;
      case Boolean flag -> flag;
      case Integer number -> number.longValue();
      case Long number -> number;
      case BigInteger number -> number.toString();
      case Double number -> number;
      case Map<?, ?> map -> {
        Map<String, @Nullable Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(normalize(key)), normalize(value)));
        yield copy;
      }
      case List<?> list -> {
        List<@Nullable Object> copy = new ArrayList<>(list.size());
        list.forEach(item -> copy.add(normalize(item)));
        yield copy;
      }
      default -> node.toString();
    };
  }
}
