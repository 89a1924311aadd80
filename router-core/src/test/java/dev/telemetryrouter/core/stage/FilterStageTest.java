package dev.telemetryrouter.core.stage;

import static dev.telemetryrouter.core.stage.Stages.function;
import static dev.telemetryrouter.core.stage.Stages.outcome;
import static dev.telemetryrouter.core.stage.Stages.problems;
import static dev.telemetryrouter.core.stage.Stages.stage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.stage.Stage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterStageTest {

  private final FilterStageProvider provider = new FilterStageProvider();

  @Test
  void types_withWildcard_keepMatchingTypesAndDropOthers() {
    Stage stage = stage(provider, "types: [function, 'platform.*']");

    assertThat(outcome(stage.apply(record("platform.report")))).isEqualTo("kept");
    assertThat(outcome(stage.apply(record("function")))).isEqualTo("kept");
    assertThat(outcome(stage.apply(record("extension")))).isEqualTo("filter:type");
    assertThat(outcome(stage.apply(record("platformx")))).isEqualTo("filter:type");
  }

  @Test
  void excludeTypes_dropMatchingTypes() {
    Stage stage = stage(provider, "exclude_types: ['platform.*']");

    assertThat(outcome(stage.apply(record("platform.start")))).isEqualTo("filter:type");
    assertThat(outcome(stage.apply(record("function")))).isEqualTo("kept");
  }

  @Test
  void minLevel_dropsBelowAndKeepsUnleveledByDefault() {
    Stage stage = stage(provider, "min_level: warn");

    assertThat(outcome(stage.apply(leveled("INFO")))).isEqualTo("filter:level");
    assertThat(outcome(stage.apply(leveled("WARNING")))).isEqualTo("kept");
    assertThat(outcome(stage.apply(leveled("error")))).isEqualTo("kept");
    assertThat(outcome(stage.apply(function("no level")))).isEqualTo("kept");
  }

  @Test
  void levels_withDropUnleveled_keepOnlyListedLevels() {
    Stage stage = stage(provider, "levels: [ERROR, FATAL]\ndrop_unleveled: true");

    assertThat(outcome(stage.apply(leveled("CRITICAL")))).isEqualTo("kept");
    assertThat(outcome(stage.apply(leveled("WARN")))).isEqualTo("filter:level");
    assertThat(outcome(stage.apply(function("no level")))).isEqualTo("filter:level");
  }

  @Test
  void includeAndExclude_testTheMessageWithRegexes() {
    Stage stage = stage(provider, "include: ['^START', 'timeout']\nexclude: ['health ?check']");

    assertThat(outcome(stage.apply(function("START request")))).isEqualTo("kept");
    assertThat(outcome(stage.apply(function("a timeout healthcheck")))).isEqualTo("filter:exclude");
    assertThat(outcome(stage.apply(function("hello")))).isEqualTo("filter:include");
    assertThat(outcome(stage.apply(record("platform.start")))).isEqualTo("kept");
  }

  @Test
  void when_condition_keepsOnlyMatchingRecords() {
    Stage stage =
        stage(
            provider,
            """
            when:
              any:
                - {field: record.status, gte: 500}
                - {field: level, in: [ERROR, FATAL]}
            unless: {field: message, matches: 'ignore me'}
            """);

    assertThat(outcome(stage.apply(status(503)))).isEqualTo("kept");
    assertThat(outcome(stage.apply(status(200)))).isEqualTo("filter:when");
    assertThat(outcome(stage.apply(leveled("ERROR")))).isEqualTo("kept");
    assertThat(
            outcome(
                stage.apply(leveled("ERROR").toBuilder().field("message", "ignore me").build())))
        .isEqualTo("filter:when");
  }

  @Test
  void create_mistakes_areReportedWithTheirPaths() {
    String yaml =
        """
        min_level: LOUD
        include: ['(unclosed']
        when: {field: level, equal: ERROR}
        colour: red
        """;

    assertThat(problems(provider, yaml))
        .containsExactly(
            "pipeline[0].min_level: 'LOUD' — expected a level: TRACE, DEBUG, INFO, WARN, ERROR,"
                + " FATAL",
            "pipeline[0].include[0]: '(unclosed'"
                + " — expected a regular expression (unclosed group)",
            "pipeline[0].when.field: 'level'"
                + " — expected an operator beside it: equals, not_equals,"
                + " in, exists, gt, gte, lt, lte, matches",
            "pipeline[0].colour: 'red' — expected one of the known keys: drop_unleveled, exclude,"
                + " exclude_types, include, levels, min_level, type, types, unless, when",
            "pipeline[0].when.equal: 'ERROR' — expected one of the known keys: all, any, equals,"
                + " exists, field, gt, gte, in, lt, lte, matches, not, not_equals");
  }

  @Test
  void create_withoutAnyTest_isAProblem() {
    assertThat(problems(provider, "{}"))
        .containsExactly(
            "pipeline[0].type: 'filter' — expected at least one of types, exclude_types,"
                + " min_level, levels, include, exclude, when, unless");
  }

  private static TelemetryRecord record(String type) {
    return TelemetryRecord.builder(Instant.EPOCH, type, Map.of("requestId", "r")).build();
  }

  private static TelemetryRecord leveled(String level) {
    return function("text").toBuilder().field("level", level).build();
  }

  private static TelemetryRecord status(int status) {
    return TelemetryRecord.builder(
            Instant.EPOCH, "function", Map.of("status", BigDecimal.valueOf(status)))
        .build();
  }
}
