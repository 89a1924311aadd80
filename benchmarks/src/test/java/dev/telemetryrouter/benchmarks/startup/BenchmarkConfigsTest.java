package dev.telemetryrouter.benchmarks.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.telemetryrouter.core.config.ConfigException;
import dev.telemetryrouter.core.config.ConfigSource;
import dev.telemetryrouter.core.config.LoadEnvironment;
import dev.telemetryrouter.core.config.LoadedConfig;
import dev.telemetryrouter.core.config.RoutingConfigLoader;
import dev.telemetryrouter.locallambda.standins.LoopbackSinks;
import dev.telemetryrouter.spi.FunctionContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * The routing.yaml files of the harness's AWS runs (benchmarks/config), loaded with the real loader
 * and every sink they name, as the extension loads them at Init with the variables the harness
 * passes on, so that a run is never a dozen unclean Inits.
 */
class BenchmarkConfigsTest {

  private static final Path CONFIGS = Path.of("config").toAbsolutePath();

  /** An endpoint or URL option and its value. */
  private static final Pattern ADDRESS = Pattern.compile("^\\s*(endpoint|url):\\s*(\\S+)\\s*$");

  @Test
  void configFolder_holdsOneRunPerAwsSinkAndOneWithAll() throws IOException {
    List<String> names = configs().stream().map(path -> path.getFileName().toString()).toList();

    assertThat(names)
        .containsExactlyInAnyOrder(
            "aws-firehose.yaml", "aws-kinesis.yaml", "aws-s3.yaml", "aws-all.yaml");
  }

  @TestFactory
  Stream<DynamicTest> everyConfig_loadsWithTheStandInsVariables() throws IOException {
    return configs().stream()
        .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> load(file)));
  }

  @TestFactory
  Stream<DynamicTest> everyAddress_isAStandIn() throws IOException {
    return configs().stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(), () -> addressesAreStandIns(file)));
  }

  @Test
  void allSinksConfig_namesEveryStandIn() throws IOException {
    String yaml = Files.readString(CONFIGS.resolve("aws-all.yaml"), StandardCharsets.UTF_8);

    for (String variable : StandIns.env(urls()).keySet()) {
      assertThat(yaml).contains("${" + variable + "}");
    }
  }

  private static void load(Path file) throws IOException {
    String yaml = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(StandIns.problems(true, file.toString(), yaml)).isEmpty();
    Map<String, String> variables = new HashMap<>(StandIns.env(urls()));
    // What the emulator sets, as Lambda does; the configs name their region themselves.
    variables.put("AWS_REGION", "eu-west-1");
    variables.put("AWS_LAMBDA_FUNCTION_NAME", "benchmark-fn");
    LoadEnvironment environment =
        new LoadEnvironment(
            variables,
            new FunctionContext("benchmark-fn", "$LATEST", "eu-west-1", 256, null),
            InstantSource.fixed(Instant.parse("2026-12-04T10:15:30Z")),
            new SplittableRandom(7));

    try {
      LoadedConfig config =
          RoutingConfigLoader.standard()
              .load(new ConfigSource(file.getFileName().toString(), yaml), environment);
      assertThat(config.plan().sinks()).isNotEmpty();
      config.plan().sinks().forEach(plan -> plan.sink().close());
    } catch (ConfigException e) {
      fail(e.getMessage());
    }
  }

  private static void addressesAreStandIns(Path file) throws IOException {
    int addresses = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      Matcher address = ADDRESS.matcher(line);
      if (address.matches()) {
        addresses++;
        assertThat(address.group(2)).as(line).matches("\\$\\{STANDIN_[A-Z0-9]+_URL}(/\\S*)?");
      }
    }
    assertThat(addresses).as("endpoints and URLs in %s", file).isPositive();
  }

  private static Map<String, String> urls() {
    Map<String, String> urls = new LinkedHashMap<>();
    LoopbackSinks.SERVICES.forEach(service -> urls.put(service, "http://127.0.0.1:9"));
    return urls;
  }

  private static List<Path> configs() throws IOException {
    try (Stream<Path> files = Files.list(CONFIGS)) {
      return files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList();
    }
  }
}
