package dev.telemetryrouter.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.core.config.ConfigException;
import dev.telemetryrouter.core.config.ConfigSource;
import dev.telemetryrouter.core.config.LoadEnvironment;
import dev.telemetryrouter.core.config.Problem;
import dev.telemetryrouter.core.config.RoutingConfigLoader;
import dev.telemetryrouter.spi.FunctionContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps docs/configuration.md honest: every {@code yaml} block that is a complete file (it starts
 * with {@code version: 1}) loads without problems, and the sample problem line for a misspelt sink
 * option is the one the loader prints.
 */
class DocsExamplesTest {

  private static final Path CONFIGURATION_DOC = Path.of("..", "docs", "configuration.md");

  private static final Pattern YAML_BLOCK = Pattern.compile("(?ms)^```yaml\\n(.*?)^```$");

  @TestFactory
  Stream<DynamicTest> everyCompleteYamlBlock_loadsWithoutProblems() throws IOException {
    List<String> files = completeFiles();

    assertThat(files).as("complete yaml blocks in %s", CONFIGURATION_DOC).isNotEmpty();
    return files.stream()
        .map(
            yaml -> {
              String name = "configuration.md block " + (files.indexOf(yaml) + 1);
              return DynamicTest.dynamicTest(name, () -> ConfigExamplesTest.load(name, yaml));
            });
  }

  @Test
  void unknownSinkOptionSample_isTheLineTheLoaderPrints() throws IOException {
    String doc = Files.readString(CONFIGURATION_DOC, StandardCharsets.UTF_8);
    String sample =
        doc.lines()
            .filter(line -> line.startsWith("sinks.archive.strem:"))
            .findFirst()
            .orElseThrow();
    String yaml = "version: 1\nsinks:\n  archive:\n    type: firehose\n    strem: app-logs\n";

    List<String> printed = problems(yaml);

    assertThat(printed).contains(sample);
  }

  private static List<String> completeFiles() throws IOException {
    String doc = Files.readString(CONFIGURATION_DOC, StandardCharsets.UTF_8);
    List<String> files = new ArrayList<>();
    Matcher block = YAML_BLOCK.matcher(doc);
    while (block.find()) {
      if (block.group(1).startsWith("version: 1")) {
        files.add(block.group(1));
      }
    }
    return files;
  }

  private static List<String> problems(String yaml) {
    LoadEnvironment environment =
        new LoadEnvironment(
            Map.of("AWS_REGION", "eu-west-1"),
            new FunctionContext("example-fn", "$LATEST", "eu-west-1", 256, null),
            InstantSource.fixed(Instant.parse("2026-12-04T10:15:30Z")),
            new SplittableRandom(7));
    try {
      RoutingConfigLoader.standard().load(new ConfigSource("docs", yaml), environment);
      return List.of();
    } catch (ConfigException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
  }
}
