package dev.telemetryrouter.core.config;

import static dev.telemetryrouter.core.config.Loading.load;
import static dev.telemetryrouter.core.config.Loading.problems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.core.config.TestSinkProvider.MemorySink;
import dev.telemetryrouter.core.engine.SinkPlan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterpolationTest {

  private final Problems problems = new Problems();
  private final Interpolator interpolator =
      new Interpolator(Map.of("STREAM", "logs", "EMPTY", "", "N", "250"), problems);

  @Test
  void text_setVariable_isReplaced() {
    String result = interpolator.text("arn:${STREAM}/x", "a.b");

    assertThat(result).isEqualTo("arn:logs/x");
    assertThat(problems.isEmpty()).isTrue();
  }

  @Test
  void text_unsetVariableWithDefault_usesTheDefault() {
    String result = interpolator.text("${MISSING:-fallback}-${STREAM:-other}", "a");

    assertThat(result).isEqualTo("fallback-logs");
  }

  @Test
  void text_emptyDefaultAndEmptyVariable_giveEmptyText() {
    String result = interpolator.text("[${MISSING:-}${EMPTY}]", "a");

    assertThat(result).isEqualTo("[]");
    assertThat(problems.isEmpty()).isTrue();
  }

  @Test
  void text_unsetVariableWithoutDefault_namesVariableAndKeyPath() {
    interpolator.text("arn:${NOPE}", "sinks.archive.stream");

    assertThat(problems.list())
        .extracting(Problem::toString)
        .containsExactly(
            "sinks.archive.stream: '${NOPE}' — expected the environment variable NOPE to be set,"
                + " or a default as ${NOPE:-value}");
  }

  @Test
  void text_doubleDollar_escapesALiteralReference() {
    String result = interpolator.text("$${STREAM} costs $5 ${STREAM}", "a");

    assertThat(result).isEqualTo("${STREAM} costs $5 logs");
  }

  @Test
  void text_unclosedOrBadName_areProblems() {
    interpolator.text("${STREAM", "a");
    interpolator.text("${1X}", "b");

    assertThat(problems.list())
        .extracting(Problem::toString)
        .containsExactly(
            "a: '${STREAM' — expected a closing } after ${ (write $${ for a literal ${)",
            "b: '${1X}'"
                + " — expected ${NAME} or ${NAME:-default} with NAME of letters, digits and _");
  }

  @Test
  void apply_nestedListsAndKeys_areInterpolatedWithTheirPaths() {
    Object tree =
        Map.of("outer", List.of("${STREAM}", Map.of("${STREAM}_key", List.of("${GONE}"))));

    Object result = interpolator.apply(tree, "", path -> false);

    assertThat(result).isEqualTo(Map.of("outer", List.of("logs", Map.of("logs_key", List.of("")))));
    assertThat(problems.list())
        .extracting(Problem::path)
        .containsExactly("outer[1].${STREAM}_key[0]");
  }

  @Test
  void load_interpolatedNumberAndSize_areReadAsTyped() throws ConfigException {
    String yaml =
        """
        version: ${VERSION:-1}
        sinks:
          archive:
            type: memory
            target: ${BUCKET}
            batch: {max_records: "${N}", max_bytes: "${SIZE:-64KiB}"}
        """;

    SinkPlan plan = load(yaml, Map.of("BUCKET", "b-1", "N", "250")).plan().sinks().getFirst();

    assertThat(((MemorySink) plan.sink()).target()).isEqualTo("b-1");
    assertThat(plan.batch().maxRecords()).isEqualTo(250);
    assertThat(plan.batch().maxBytes()).isEqualTo(64 * 1024);
  }

  @Test
  void load_unsetVariableInACheckedValue_reportsTheVariableAloneNotTheEmptyValue() {
    String yaml =
        """
        version: 1
        sinks:
          archive:
            type: memory
            target: t
            batch: {max_records: "${N}", max_bytes: "${SIZE}x", max_age: "${AGE"}
        """;

    assertThat(problems(yaml))
        .containsExactly(
            "sinks.archive.batch.max_records: '${N}' — expected the environment variable N to be"
                + " set, or a default as ${N:-value}",
            "sinks.archive.batch.max_bytes: '${SIZE}' — expected the environment variable SIZE to"
                + " be set, or a default as ${SIZE:-value}",
            "sinks.archive.batch.max_age: '${AGE' — expected a closing } after ${ (write $${ for"
                + " a literal ${)");
  }

  @Test
  void load_unsetVariable_leavesProblemsAtOtherKeysListed() {
    String yaml =
        """
        version: 1
        sinks:
          archive:
            type: memory
            target: ${BUCKET}
            batch: {max_records: "${N:-}"}
        """;

    assertThat(problems(yaml))
        .extracting(line -> line.substring(0, line.indexOf(" — ")))
        .containsExactly(
            "sinks.archive.target: '${BUCKET}'", "sinks.archive.batch.max_records: ''");
  }

  @Test
  void problems_twoUnsetVariablesInOneValue_bothListed() {
    interpolator.text("${A}:${B}", "sinks.x.url");
    problems.add("sinks.x.url", ":", "a URL");

    assertThat(problems.list()).extracting(Problem::value).containsExactly("'${A}'", "'${B}'");
    assertThat(problems.size()).isEqualTo(2);
  }

  @Test
  void load_unsetVariableInAList_namesTheListIndex() {
    String yaml =
        """
        version: 1
        pipeline:
          - type: tag
            value: "${TAG}"
        sinks:
          archive: {type: memory, target: t}
        """;

    assertThat(problems(yaml))
        .containsExactly(
            "pipeline[0].value: '${TAG}' — expected the environment variable TAG to be set, or a"
                + " default as ${TAG:-value}");
  }
}
