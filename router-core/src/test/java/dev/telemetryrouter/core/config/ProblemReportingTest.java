package dev.telemetryrouter.core.config;

import static dev.telemetryrouter.core.config.Loading.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How problems read: in file order, and YAML syntax errors in plain words with a hint. */
class ProblemReportingTest {

  @Test
  void load_unknownKeysAndBadValues_areListedInFileOrder() {
    String yaml =
        """
        version: 1
        extnsion: {api: telemetry}
        pipeline:
          - {type: filter, min_level: INFO, exclde: [x]}
          - {type: truncate, max_bytes: lots}
        sinks:
          archive:
            type: memory
            tagret: u
            batch: {max_age: soon}
        """;

    assertThat(problems(yaml))
        .extracting(line -> line.substring(0, line.indexOf(':')))
        .containsExactly(
            "extnsion",
            "pipeline[0].exclde",
            "pipeline[1].max_bytes",
            "sinks.archive.target",
            "sinks.archive.tagret",
            "sinks.archive.batch.max_age");
  }

  @Test
  void load_unquotedReferenceInFlowMapping_saysToQuoteItOrUseBlockStyle() {
    String yaml =
        """
        version: 1
        pipeline:
          - type: fields
            add: {env: ${STAGE:-dev}}
        sinks:
          archive: {type: memory, target: t}
        """;

    assertThat(problems(yaml))
        .containsExactly(
            "(yaml line 4, column 17): found { where , or } should come — expected valid YAML; a"
                + " ${...} inside {...} reads as a nested mapping: quote the value, as in"
                + " \"${STAGE:-dev}\", or write the mapping in block style, one key per line");
  }

  @Test
  void load_tabIndentation_isNamedInPlainWords() {
    String yaml = "version: 1\nsinks:\n\tarchive: {type: memory, target: t}\n";

    assertThat(problems(yaml))
        .containsExactly(
            "(yaml line 3, column 1): a tab character, which YAML does not allow for indentation"
                + " — expected valid YAML");
  }

  @Test
  void load_unclosedFlowMappingWithoutReference_hasNoHint() {
    String yaml = "version: 1\nsinks:\n  archive: {type: memory, target: t\n";

    assertThat(problems(yaml))
        .containsExactly(
            "(yaml line 4, column 1): found the end of the file where , or } should come —"
                + " expected valid YAML");
  }
}
