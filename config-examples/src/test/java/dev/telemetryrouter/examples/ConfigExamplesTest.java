package dev.telemetryrouter.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

import dev.telemetryrouter.core.config.ConfigException;
import dev.telemetryrouter.core.config.ConfigSource;
import dev.telemetryrouter.core.config.LoadEnvironment;
import dev.telemetryrouter.core.config.LoadedConfig;
import dev.telemetryrouter.core.config.Problem;
import dev.telemetryrouter.core.config.RoutingConfigLoader;
import dev.telemetryrouter.spi.FunctionContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Loads every {@code *.yaml} in this folder with the real loader and every sink on the class path,
 * exactly as the extension would at Init, and fails with the loader's own problem lines when an
 * example has drifted from the code.
 *
 * <p>An example names sample values for the variables it needs in comment lines of the form {@code
 * # example-env: NAME=value}. Any other {@code ${NAME}} without a default gets the value {@code
 * example-name}, which suits names and ids; a variable whose value must have a shape (a URL) needs
 * its own line.
 */
class ConfigExamplesTest {

  private static final Pattern EXAMPLE_ENV = Pattern.compile("^#\\s*example-env:\\s*(\\w+)=(.*)$");

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{(\\w+)}");

  private static final Path EXAMPLES = Path.of("").toAbsolutePath();

  private static final Path LAYER_EXAMPLE =
      EXAMPLES.resolve("../layer/src/main/layer-config/routing.example.yaml").normalize();

  @TestFactory
  Stream<DynamicTest> everyExample_loadsWithoutProblems() throws IOException {
    List<Path> files = examples();

    return files.stream()
        .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> load(file)));
  }

  @Test
  void examplesFolder_holdsAnExamplePerSinkAndAFanOut() throws IOException {
    List<String> names = examples().stream().map(path -> path.getFileName().toString()).toList();

    assertThat(names).contains("firehose.yaml", "kinesis.yaml", "s3.yaml", "fan-out.yaml");
  }

  @Test
  void fanOut_withoutSearchUrl_reportsTheUnsetVariableAloneNotTheEmptyUrl() throws IOException {
    String yaml = Files.readString(EXAMPLES.resolve("fan-out.yaml"), StandardCharsets.UTF_8);
    Map<String, String> variables = exampleVariables(yaml);
    variables.remove("SEARCH_URL");

    ConfigException failure =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                RoutingConfigLoader.standard()
                    .load(new ConfigSource("fan-out.yaml", yaml), environment(variables)));

    assertThat(failure.problems())
        .extracting(Problem::toString)
        .containsExactly(
            "sinks.search.url: '${SEARCH_URL}' — expected the environment variable SEARCH_URL to"
                + " be set, or a default as ${SEARCH_URL:-value}");
  }

  private static void load(Path file) throws IOException {
    load(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * Loads {@code yaml} as the extension would, with sample values for its variables; fails with the
   * loader's problem lines.
   */
  static void load(String name, String yaml) {
    LoadEnvironment environment = environment(exampleVariables(yaml));

    try {
      LoadedConfig config =
          RoutingConfigLoader.standard().load(new ConfigSource(name, yaml), environment);
      assertThat(config.plan().sinks()).as("active sinks of %s", name).isNotEmpty();
      config.plan().sinks().forEach(plan -> plan.sink().close());
    } catch (ConfigException e) {
      fail(e.getMessage());
    }
  }

  private static LoadEnvironment environment(Map<String, String> variables) {
    return new LoadEnvironment(
        variables,
        new FunctionContext("example-fn", "$LATEST", "eu-west-1", 256, null),
        InstantSource.fixed(Instant.parse("2026-12-04T10:15:30Z")),
        new SplittableRandom(7));
  }

  private static Map<String, String> exampleVariables(String yaml) {
    Map<String, String> variables = new LinkedHashMap<>();
    // What Lambda itself sets in every extension's environment.
    variables.put("AWS_REGION", "eu-west-1");
    variables.put("AWS_LAMBDA_FUNCTION_NAME", "example-fn");
    Matcher reference = REFERENCE.matcher(yaml);
    while (reference.find()) {
      String name = reference.group(1);
      variables.put(name, "example-" + name.toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    for (String line : yaml.split("\n")) {
      Matcher matcher = EXAMPLE_ENV.matcher(line.strip());
      if (matcher.matches()) {
        variables.put(matcher.group(1), matcher.group(2).strip());
      }
    }
    return variables;
  }

  /** The examples here, and the starting point the layer ships beside its jars. */
  private static List<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return Stream.concat(
              files.filter(path -> path.toString().endsWith(".yaml")).sorted(),
              Stream.of(LAYER_EXAMPLE))
          .toList();
    }
  }
}
