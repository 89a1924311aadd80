package dev.telemetryrouter.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** docs/routing.schema.json is sound, and every example in config-examples/ satisfies it. */
class RoutingSchemaTest {

  private static Map<String, Object> schema;
  private static SchemaCheck check;

  @BeforeAll
  static void readSchema() throws IOException {
    schema = Documents.schema();
    check = new SchemaCheck(schema);
  }

  @Test
  void schema_isStrictJsonOfDraft2020_12() {
    assertThat(schema)
        .containsEntry("$schema", "https://json-schema.org/draft/2020-12/schema")
        .containsKeys("title", "properties", "$defs");
  }

  @Test
  void schema_usesOnlyCheckedKeywords_everyRefResolves_everyPatternCompiles() {
    List<String> visited = new ArrayList<>();

    walk(schema, "#", visited);

    assertThat(visited).hasSizeGreaterThan(100);
  }

  static List<Path> examples() throws IOException {
    return Documents.examples();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void example_satisfiesTheSchema(Path example) throws IOException {
    Object tree = Documents.yaml(Files.readString(example));

    assertThat(check.errors(tree)).as(example.toString()).isEmpty();
  }

  @Test
  void check_whenSinkKeyIsMisspelt_namesThePathAndTheKnownKeys() {
    Object tree = Documents.yaml("version: 1\nsinks:\n  out: {type: firehose, streem: logs}\n");

    assertThat(check.errors(tree))
        .anySatisfy(error -> assertThat(error).startsWith("sinks.out.streem: not a known key"))
        .contains("sinks.out.stream: missing, and required");
  }

  @Test
  void check_whenOptionBelongsToAnotherHttpFormat_rejectsIt() {
    Object tree =
        Documents.yaml(
            "version: 1\nsinks:\n  out: {type: http, url: 'https://x/', labels: {a: b}}\n");

    assertThat(check.errors(tree))
        .anySatisfy(error -> assertThat(error).startsWith("sinks.out.labels: not a known key"));
  }

  @Test
  void check_whenStageOptionIsWrong_namesTheStagePath() {
    Object tree =
        Documents.yaml(
            """
            version: 1
            pipeline:
              - {type: sample, rate: often}
              - {type: filter, min_level: LOUD}
            sinks: {out: {type: stdout}}
            """);

    assertThat(check.errors(tree))
        .contains(
            "pipeline[0].rate: 'often' does not match ^\\s*-?\\d+(\\.\\d+)?\\s*$|\\$\\{",
            "pipeline[1].min_level: 'LOUD' is not one of [TRACE, DEBUG, INFO, WARN, WARNING,"
                + " ERROR, FATAL, CRITICAL, trace, debug, info, warn, warning, error, fatal,"
                + " critical]");
  }

  @Test
  void check_whenConditionHasTwoForms_rejectsIt() {
    Object tree =
        Documents.yaml(
            """
            version: 1
            sinks:
              out:
                type: stdout
                when: {field: level, equals: ERROR, any: [{field: type, equals: function}]}
            """);

    assertThat(check.errors(tree))
        .anySatisfy(error -> assertThat(error).startsWith("sinks.out.when.any: not a known key"));
  }

  @Test
  void check_whenVersionAndSinksAreMissing_reportsBoth() {
    Object tree = Documents.yaml("pipeline: []\n");

    assertThat(check.errors(tree))
        .containsExactly("version: missing, and required", "sinks: missing, and required");
  }

  @Test
  void check_whenSinkTypeIsAPlugin_checksOnlyTheEngineKeys() {
    Object tree =
        Documents.yaml(
            """
            version: 1
            sinks:
              stream: {type: carrier-pigeon, loft: roof, batch: {max_recrods: 10}}
            """);

    assertThat(check.errors(tree))
        .singleElement()
        .asString()
        .startsWith("sinks.stream.batch.max_recrods: not a known key");
  }

  @SuppressWarnings("unchecked")
  private static void walk(Object node, String where, List<String> visited) {
    if (node instanceof Boolean) {
      return;
    }
    assertThat(node).as(where).isInstanceOf(Map.class);
    visited.add(where);
    Map<String, Object> keywords = (Map<String, Object>) node;
    for (Map.Entry<String, Object> entry : keywords.entrySet()) {
      String keyword = entry.getKey();
      Object value = entry.getValue();
      String at = where + "/" + keyword;
      assertThat(SchemaCheck.KEYWORDS).as(at).contains(keyword);
      switch (keyword) {
        case "$defs", "properties" ->
            ((Map<String, Object>) value)
                .forEach((name, child) -> walk(child, at + "/" + name, visited));
        case "anyOf", "oneOf", "allOf" -> {
          List<Object> parts = (List<Object>) value;
          for (int i = 0; i < parts.size(); i++) {
            walk(parts.get(i), at + "/" + i, visited);
          }
        }
        case "items", "not", "if", "then", "else", "additionalProperties", "propertyNames" ->
            walk(value, at, visited);
        case "$ref" -> assertThat(check.definition((String) value)).as(at).isNotNull();
        case "pattern" -> Pattern.compile((String) value);
        default -> {}
      }
    }
  }
}
