package dev.telemetryrouter.core.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.core.config.Problem;
import dev.telemetryrouter.core.config.Problems;
import dev.telemetryrouter.core.config.YamlSection;
import dev.telemetryrouter.spi.TelemetryRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class ConditionTest {

  private final Problems problems = new Problems();

  private static final TelemetryRecord RECORD =
      TelemetryRecord.builder(
              Instant.EPOCH,
              "platform.report",
              Map.of("status", "error", "metrics", Map.of("durationMs", new BigDecimal("812.5"))))
          .field("level", "ERROR")
          .field("count", "12")
          .build();

  @Test
  void equalsAndNotEquals_compareTextAndNumbers() {
    assertThat(test("{field: type, equals: platform.report}")).isTrue();
    assertThat(test("{field: record.metrics.durationMs, equals: 812.50}")).isTrue();
    assertThat(test("{field: count, equals: 12.0}")).isTrue();
    assertThat(test("{field: level, not_equals: INFO}")).isTrue();
    assertThat(test("{field: level, not_equals: ERROR}")).isFalse();
  }

  @Test
  void missingField_failsEveryOperatorButExistsFalse() {
    assertThat(test("{field: absent, not_equals: x}")).isFalse();
    assertThat(test("{field: absent, lt: 1}")).isFalse();
    assertThat(test("{field: absent, exists: false}")).isTrue();
    assertThat(test("{field: level, exists: true}")).isTrue();
    assertThat(test("{not: {field: absent, equals: x}}")).isTrue();
  }

  @Test
  void numericComparisons_haveInclusiveAndExclusiveBounds() {
    assertThat(test("{field: record.metrics.durationMs, gt: 812.5}")).isFalse();
    assertThat(test("{field: record.metrics.durationMs, gte: 812.5}")).isTrue();
    assertThat(test("{field: record.metrics.durationMs, lt: 812.5}")).isFalse();
    assertThat(test("{field: record.metrics.durationMs, lte: 812.5, gt: 800}")).isTrue();
    assertThat(test("{field: record.status, gt: 1}")).isFalse();
  }

  @Test
  void inAndMatches_acceptListsAndRegexes() {
    assertThat(test("{field: level, in: [WARN, ERROR]}")).isTrue();
    assertThat(test("{field: level, in: [WARN]}")).isFalse();
    assertThat(test("{field: type, matches: '^platform\\.'}")).isTrue();
    assertThat(test("{field: record.metrics, matches: '.*'}")).isFalse();
  }

  @Test
  void allAnyNot_combine() {
    assertThat(test("{all: [{field: level, equals: ERROR}, {field: type, matches: report}]}"))
        .isTrue();
    assertThat(test("{all: [{field: level, equals: ERROR}, {field: type, equals: x}]}")).isFalse();
    assertThat(test("{any: [{field: level, equals: INFO}, {field: type, equals: x}]}")).isFalse();
    assertThat(test("{not: {any: [{field: level, equals: INFO}]}}")).isTrue();
  }

  @Test
  void parse_badConditions_reportPathsAndNeverMatch() {
    Predicate<TelemetryRecord> twoForms = parse("{field: level, all: []}");
    parse("{all: [{field: level, gt: high}, {nope: 1}]}");
    parse("{any: []}");
    parse("{field: 'a..b', exists: true}");
    parse("'level == ERROR'");

    assertThat(twoForms.test(RECORD)).isFalse();
    assertThat(problems.list())
        .extracting(Problem::toString)
        .containsExactly(
            "s.when: 'field and all' — expected a condition with exactly one of field, all, any"
                + " or not",
            "s.when.all[0].gt: 'high' — expected a number, such as 500 or 0.25",
            "s.when.all[1]: (a mapping) — expected a condition with exactly one of field, all,"
                + " any or not",
            "s.when.any: (a list) — expected a non-empty list of conditions",
            "s.when.field: 'a..b'"
                + " — expected a field path such as message, level or record.status",
            "s.when: 'level == ERROR'"
                + " — expected a condition: a mapping with one of field, all, any"
                + " or not");
  }

  private boolean test(String yaml) {
    Predicate<TelemetryRecord> condition = parse(yaml);
    assertThat(problems.list()).isEmpty();
    return condition.test(RECORD);
  }

  @SuppressWarnings("unchecked")
  private Predicate<TelemetryRecord> parse(String yaml) {
    Object when = new Load(LoadSettings.builder().build()).loadFromString(yaml);
    YamlSection section = new YamlSection("s", Map.of("when", when), problems);
    return Condition.parse(section, "when");
  }
}
