package dev.telemetryrouter.locallambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The temporary work folder is the run's own: deleted at the end unless asked to keep it. */
class WorkDirTest {

  @TempDir Path tmp;

  private LocalLambdaBuilder builder() throws IOException {
    Path layer = tmp.resolve("layer");
    TestLayer.withExtension(layer, "fake-extension.sh", "fake");
    return LocalLambda.builder()
        .layer(layer)
        .function(FunctionSource.events(TestLayer.resource("two-invocations.jsonl")));
  }

  @Test
  void shutdown_withoutAWorkDir_deletesTheTemporaryFolder() throws Exception {
    Path workDir;
    try (LocalLambda lambda = builder().start()) {
      lambda.invoke();
      workDir = lambda.extensionLog().getParent();
      assertThat(lambda.extensionLog()).exists();

      lambda.shutdown();

      assertThat(lambda.workDirKept()).isFalse();
    }
    assertThat(workDir).doesNotExist();
  }

  @Test
  void shutdown_withAGivenWorkDir_keepsIt() throws Exception {
    Path workDir = tmp.resolve("work");
    try (LocalLambda lambda = builder().workDir(workDir).start()) {
      lambda.shutdown();

      assertThat(lambda.workDirKept()).isTrue();
    }
    assertThat(workDir.resolve("extensions.log")).content().contains("fake: registered");
  }

  @Test
  void cli_withKeepWorkDir_keepsTheFolderAndSaysWhereTheLogIs() throws Exception {
    String text = cli("--keep-work-dir");

    Matcher where = Pattern.compile("extension output in (\\S+)").matcher(text);
    assertThat(where.find()).as(text).isTrue();
    Path log = Path.of(where.group(1));
    try {
      assertThat(log).content().contains("fake: event");
    } finally {
      deleteTree(log.getParent());
    }
  }

  @Test
  void cli_withoutWorkDirOptions_doesNotPointToADeletedLog() throws Exception {
    String text = cli();

    assertThat(text).contains("shutdown: spindown").doesNotContain("extension output in");
  }

  private String cli(String... extra) throws IOException {
    Path layer = tmp.resolve("layer");
    TestLayer.withExtension(layer, "fake-extension.sh", "fake");
    String events = TestLayer.resource("two-invocations.jsonl").toString();
    String[] base = {"--layer", layer.toString(), "--events", events};
    String[] args = Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), err);

    assertThat(code).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
