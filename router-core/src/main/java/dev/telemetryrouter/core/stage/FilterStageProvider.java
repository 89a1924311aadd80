package dev.telemetryrouter.core.stage;

import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.config.ConfigSection;
import dev.telemetryrouter.spi.stage.Stage;
import dev.telemetryrouter.spi.stage.StageContext;
import dev.telemetryrouter.spi.stage.StageProvider;
import dev.telemetryrouter.spi.stage.StageResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@code type: filter}: keeps the records that pass every test it is given and drops the others,
 * with a reason naming the test that failed.
 *
 * <ul>
 *   <li>{@code types} keep only these record types ({@code *} wildcards: {@code platform.*});
 *       {@code exclude_types} drop these; reason {@code filter:type}.
 *   <li>{@code min_level} keep records at or above a level; {@code levels} keep only these levels;
 *       records without a known level pass unless {@code drop_unleveled: true}; reason {@code
 *       filter:level}.
 *   <li>{@code include} the message must match one of these regular expressions (reason {@code
 *       filter:include}); {@code exclude} it must match none (reason {@code filter:exclude}).
 *       Records without a message pass both.
 *   <li>{@code when} a condition that must hold; {@code unless} a condition that must not; reason
 *       {@code filter:when}.
 * </ul>
 */
public final class FilterStageProvider implements StageProvider {

  @Override
  public String type() {
    return "filter";
  }

  @Override
  public Stage create(StageContext context) {
    ConfigSection config = context.config();
    List<Test> tests = new ArrayList<>();
    typeTests(config, tests);
    levelTests(config, tests);
    messageTests(config, tests);
    if (config.has("when")) {
      tests.add(new Test("filter:when", Condition.parse(config, "when")));
    }
    if (config.has("unless")) {
      tests.add(new Test("filter:when", Condition.parse(config, "unless").negate()));
    }
    if (tests.isEmpty()) {
      config.problem(
          "type",
          "filter",
          "at least one of types, exclude_types, min_level, levels, include, exclude, when,"
              + " unless");
    }
    return record -> {
      for (Test test : tests) {
        if (!test.passes().test(record)) {
          return StageResult.drop(test.reason());
        }
      }
      return StageResult.keep(record);
    };
  }

  private record Test(String reason, Predicate<TelemetryRecord> passes) {}

  private static void typeTests(ConfigSection config, List<Test> tests) {
    if (config.has("types")) {
      List<TypePattern> kept = TypePattern.all(config.strings("types"));
      tests.add(new Test("filter:type", record -> TypePattern.anyMatches(kept, record.type())));
    }
    if (config.has("exclude_types")) {
      List<TypePattern> dropped = TypePattern.all(config.strings("exclude_types"));
      tests.add(new Test("filter:type", record -> !TypePattern.anyMatches(dropped, record.type())));
    }
  }

  private static void levelTests(ConfigSection config, List<Test> tests) {
    boolean dropUnleveled = config.bool("drop_unleveled", false);
    if (config.has("min_level")) {
      int min = rankOf(config, "min_level", config.string("min_level"));
      tests.add(
          new Test("filter:level", record -> levelPasses(record, dropUnleveled, r -> r >= min)));
    }
    if (config.has("levels")) {
      List<Integer> ranks =
          config.strings("levels").stream().map(l -> rankOf(config, "levels", l)).toList();
      tests.add(
          new Test("filter:level", record -> levelPasses(record, dropUnleveled, ranks::contains)));
    }
  }

  private static boolean levelPasses(
      TelemetryRecord record, boolean dropUnleveled, Predicate<Integer> accepts) {
    int rank = Levels.rank(record.level());
    return rank < 0 ? !dropUnleveled : accepts.test(rank);
  }

  private static int rankOf(ConfigSection config, String key, String level) {
    int rank = Levels.rank(level);
    if (rank < 0) {
      config.problem(key, level, "a level: " + Levels.NAMES);
    }
    return rank;
  }

  private static void messageTests(ConfigSection config, List<Test> tests) {
    List<Pattern> include = patterns(config, "include");
    if (!include.isEmpty()) {
      tests.add(new Test("filter:include", record -> messageMatches(record, include, true)));
    }
    List<Pattern> exclude = patterns(config, "exclude");
    if (!exclude.isEmpty()) {
      tests.add(new Test("filter:exclude", record -> !messageMatches(record, exclude, false)));
    }
  }

  private static boolean messageMatches(
      TelemetryRecord record, List<Pattern> patterns, boolean whenAbsent) {
    String message = record.message();
    if (message == null) {
      return whenAbsent;
    }
    for (Pattern pattern : patterns) {
      if (pattern.matcher(message).find()) {
        return true;
      }
    }
    return false;
  }

  static List<Pattern> patterns(ConfigSection config, String key) {
    List<Pattern> patterns = new ArrayList<>();
    List<String> regexes = config.strings(key);
    for (int i = 0; i < regexes.size(); i++) {
      try {
        patterns.add(Pattern.compile(regexes.get(i)));
      } catch (java.util.regex.PatternSyntaxException invalid) {
        config.problem(
            key + "[" + i + "]",
            regexes.get(i),
            "a regular expression (" + invalid.getDescription().toLowerCase(Locale.ROOT) + ")");
      }
    }
    return patterns;
  }
}
