package dev.telemetryrouter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #3, end-to-end 7: the README's main-job command, {@code local-lambda/demo.sh}, runs the
 * layer under the emulator with an example configuration and a sample function, and prints where
 * the routed records went. The script builds the layer itself with Maven; it runs here only inside
 * the full build (which has built the layer already), not in a build of this module alone.
 */
class DemoScriptTest {

  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final int INVOCATIONS = 3;

  /** The file demo.sh writes into the folders it makes, and requires before deleting one. */
  private static final String MARKER = ".made-by-telemetry-router-demo";

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void demo_routesTheSampleFunctionAndSaysWhere(@TempDir Path tmp) throws Exception {
    assumeTrue(
        Files.isExecutable(REPO.resolve("layer/target/layer/extensions/telemetry-router")),
        "the layer folder is built by the full build (./mvnw verify)");
    Path out = tmp.resolve("demo");

    Run demo = runDemo(INVOCATIONS, out, tmp.resolve("console.txt"), Duration.ofMinutes(7));

    String printed = demo.printed();
    assertThat(demo.exitCode()).as(printed).isZero();
    assertThat(printed)
        .contains("sink=all type=file: ")
        .contains(out.resolve("all").toString())
        .contains("INFO Router summary received=");
    List<Map<String, @Nullable Object>> all = JsonLines.readFolder(out.resolve("all"));
    assertThat(all)
        .filteredOn(r -> "function".equals(r.get("type")))
        .hasSize(9 * INVOCATIONS)
        .allMatch(r -> r.get("requestId") != null);
    assertThat(all).filteredOn(r -> "platform.report".equals(r.get("type"))).hasSize(INVOCATIONS);
    assertThat(printed).contains(" intake deliveries=").contains("own_lines=");
    assertThat(out.resolve(MARKER)).isRegularFile();
  }

  /** Checked before the build, so this runs in any build of the module and takes a moment. */
  @Test
  @Timeout(value = 1, unit = TimeUnit.MINUTES)
  void demo_whenFolderHasOtherFiles_refusesAndDeletesNothing(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("mine");
    Files.createDirectories(out);
    Files.writeString(out.resolve("notes.txt"), "not the demo's");

    Run demo = runDemo(1, out, tmp.resolve("console.txt"), Duration.ofSeconds(50));

    assertThat(demo.exitCode()).as(demo.printed()).isEqualTo(2);
    assertThat(demo.printed()).contains("refusing to use " + out).contains(MARKER);
    assertThat(out.resolve("notes.txt")).hasContent("not the demo's");
    assertThat(out.resolve(MARKER)).doesNotExist();
  }

  /** What a finished run of demo.sh printed (stdout and stderr together) and its exit code. */
  private record Run(int exitCode, String printed) {}

  /** Runs demo.sh from the repository root; fails the test when it outlives {@code limit}. */
  private static Run runDemo(int invocations, Path out, Path console, Duration limit)
      throws IOException, InterruptedException {
    Process demo =
        new ProcessBuilder(
                "bash",
                REPO.resolve("local-lambda/demo.sh").toString(),
                Integer.toString(invocations),
                out.toString())
            .directory(REPO.toFile())
            .redirectErrorStream(true)
            .redirectOutput(console.toFile())
            .start();
    boolean exited = demo.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    if (!exited) {
      demo.destroyForcibly().waitFor();
    }
    String printed = Files.readString(console, StandardCharsets.UTF_8);

    assertThat(exited).as("demo.sh finished within %s; it printed:%n%s", limit, printed).isTrue();
    return new Run(demo.exitValue(), printed);
  }
}
