package dev.telemetryrouter.core.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutingToolTest {

  private static final Path DIR = Path.of("src/test/resources/tool");
  private static final String CONFIG = DIR.resolve("routing.yaml").toString();
  private static final String EVENTS = DIR.resolve("events.jsonl").toString();
  private static final InstantSource CLOCK =
      InstantSource.fixed(Instant.parse("2026-03-02T09:00:00Z"));

  /** The test class path plus the never-sending {@code lines} sink's registration. */
  private static final ClassLoader PLUGINS = plugins();

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  @Test
  void validate_whenFileIsValid_printsPlanSummaryAndExitsZero() throws IOException {
    int code = run(List.of("validate", CONFIG, "--env", "PASSWORD=hunter2"), Map.of());

    assertThat(code).isZero();
    assertThat(output()).isEqualTo(expected("validate-valid.txt"));
  }

  @Test
  void validate_whenFileHasMistakes_printsEveryProblemAndExitsOne() throws IOException {
    String config = DIR.resolve("invalid-routing.yaml").toString();

    int code = run(List.of("validate", config, "--env", "PASSWORD=hunter2"), Map.of());

    assertThat(code).isEqualTo(RoutingTool.INVALID);
    assertThat(output()).isEqualTo(expected("validate-invalid.txt"));
  }

  @Test
  void dryRun_whenFileHasMistakes_asksToRunDryRunAgainAndExitsOne() {
    String config = DIR.resolve("invalid-routing.yaml").toString();

    int code = run(List.of("dry-run", config, "--events", EVENTS), Map.of());

    assertThat(code).isEqualTo(RoutingTool.INVALID);
    assertThat(output())
        .startsWith("routing configuration from file " + config + " has ")
        .contains("problems; fix the lines below and run dry-run again:\n")
        .doesNotContain("deploy again");
  }

  @Test
  void validate_whenVariableIsMissing_namesItAndNeverPrintsSecrets() {
    int code = run(List.of("validate", CONFIG), Map.of("PASSWORD", "from-the-shell-not-passed-on"));

    assertThat(code).isEqualTo(RoutingTool.INVALID);
    assertThat(output())
        .contains(
            "sinks.errors.password: '${PASSWORD}' — expected the environment variable PASSWORD")
        .doesNotContain("from-the-shell-not-passed-on");
  }

  @Test
  void validate_withInheritEnv_readsTheProcessEnvironmentAndNeverPrintsIt() {
    int code =
        run(List.of("validate", CONFIG, "--inherit-env"), Map.of("PASSWORD", "shell-secret"));

    assertThat(code).isZero();
    assertThat(output()).doesNotContain("shell-secret");
  }

  @Test
  void validate_whenFileIsMissing_saysSoAndExitsOne() {
    int code = run(List.of("validate", DIR.resolve("absent.yaml").toString()), Map.of());

    assertThat(code).isEqualTo(RoutingTool.INVALID);
    assertThat(output())
        .contains("(file): '" + DIR.resolve("absent.yaml") + "' (NoSuchFileException)");
  }

  @Test
  void dryRun_ofFixtureEvents_printsWhatEachSinkWouldReceiveAndWhatWasDropped() throws IOException {
    int code =
        run(List.of("dry-run", CONFIG, "--events", EVENTS, "--env", "PASSWORD=hunter2"), Map.of());

    assertThat(code).isZero();
    assertThat(output()).isEqualTo(expected("dry-run.txt"));
  }

  @Test
  void dryRun_batchBytes_addUpToTheSummaryBytesOfEachSink() {
    run(List.of("dry-run", CONFIG, "--events", EVENTS, "--env", "PASSWORD=x"), Map.of());

    Map<String, Long> batched = new TreeMap<>();
    Map<String, Long> summarized = new TreeMap<>();
    String sink = "";
    for (String line : output().lines().toList()) {
      Matcher header = Pattern.compile("^sink (\\S+) \\(").matcher(line);
      Matcher batch = Pattern.compile("^  batch \\d+: \\d+ records?, (\\d+) bytes").matcher(line);
      if (header.find()) {
        sink = header.group(1);
      } else if (batch.find()) {
        batched.merge(sink, Long.parseLong(batch.group(1)), Long::sum);
      } else if (line.startsWith("summary ")) {
        Matcher total = Pattern.compile("sink=(\\S+) .*? bytes=(\\d+)").matcher(line);
        while (total.find()) {
          summarized.put(total.group(1), Long.parseLong(total.group(2)));
        }
      }
    }

    assertThat(batched).hasSize(2).isEqualTo(summarized);
  }

  @Test
  void dryRun_ofJsonArrayFile_readsTheSameRecordsAsJsonLines() throws IOException {
    Path array = Files.createTempFile("events", ".json");
    try {
      List<String> lines = Files.readAllLines(Path.of(EVENTS));
      Files.writeString(array, "[" + String.join(",\n", lines) + "]");

      int code =
          run(
              List.of("dry-run", CONFIG, "--events", array.toString(), "--env", "PASSWORD=x"),
              Map.of());

      assertThat(code).isZero();
      assertThat(output().lines().skip(1).toList())
          .isEqualTo(expected("dry-run.txt").lines().skip(1).toList());
    } finally {
      Files.delete(array);
    }
  }

  @Test
  void dryRun_whenALineIsBroken_routesTheRestAndExitsOne() throws IOException {
    Path events = Files.createTempFile("events", ".jsonl");
    try {
      Files.writeString(
          events,
          """
          {"time":"2026-03-02T10:00:01.000Z","type":"function","record":"kept\\n"}
          {"time":"2026-03-02T10:00:01.001Z","type":"function","record":
          """);

      int code =
          run(
              List.of("dry-run", CONFIG, "--events", events.toString(), "--env", "PASSWORD=x"),
              Map.of());

      assertThat(code).isEqualTo(RoutingTool.INVALID);
      assertThat(output())
          .contains("unreadable: line 2: not readable to its end")
          .contains("    kept");
    } finally {
      Files.delete(events);
    }
  }

  @Test
  void dryRun_withDeadLetters_spillsToATemporaryDirectoryAndFeedsTheOtherSink(@TempDir Path temp) {
    Path spill = temp.resolve("spill");
    String config = DIR.resolve("dead-letter-routing.yaml").toString();

    int code =
        run(
            List.of("dry-run", config, "--events", EVENTS, "--env", "SPILL_DIR=" + spill),
            Map.of());

    assertThat(code).isZero();
    assertThat(output())
        .contains("sink small (type lines, encoding MESSAGE): received 10, would send 5 in")
        .contains("dropped 0, dead-lettered 5\n")
        .contains("  not sent event-2 platform.start, by the engine: dead_letter\n")
        .contains("sink relay (type lines, encoding MESSAGE): received 6, would send 5 in")
        .contains("dropped 0, dead-lettered 1\n")
        .contains("sink wide (type lines, encoding MESSAGE): received 1, would send 1 in 1 batch")
        .contains("    a very long line that does not fit into the sixty…[truncated]\n");
    assertThat(spill).doesNotExist();
  }

  @Test
  void run_whenCommandLineIsWrong_printsUsageAndExitsTwo() {
    int code = run(List.of("dry-run", CONFIG), Map.of());

    assertThat(code).isEqualTo(RoutingTool.USAGE);
    assertThat(output()).startsWith("dry-run needs --events <file>\nusage: routing-tool");
  }

  private int run(List<String> args, Map<String, String> processEnvironment) {
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    return new RoutingTool(out, processEnvironment, CLOCK, PLUGINS).run(args);
  }

  private String output() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  private static ClassLoader plugins() {
    try {
      URL registration = DIR.resolve("plugins").toUri().toURL();
      return new URLClassLoader(new URL[] {registration}, RoutingToolTest.class.getClassLoader());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String expected(String name) throws IOException {
    return Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);
  }
}
