package dev.telemetryrouter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    Path console = tmp.resolve("console.txt");

    Process demo =
        new ProcessBuilder(
                "bash",
                REPO.resolve("local-lambda/demo.sh").toString(),
                Integer.toString(INVOCATIONS),
                out.toString())
            .directory(REPO.toFile())
            .redirectErrorStream(true)
            .redirectOutput(console.toFile())
            .start();
    boolean exited = demo.waitFor(7, TimeUnit.MINUTES);
    if (!exited) {
      demo.destroyForcibly();
    }
    String printed = Files.readString(console, StandardCharsets.UTF_8);

    assertThat(exited).as(printed).isTrue();
    assertThat(demo.exitValue()).as(printed).isZero();
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
    Path console = tmp.resolve("console.txt");

    Process demo =
        new ProcessBuilder(
                "bash", REPO.resolve("local-lambda/demo.sh").toString(), "1", out.toString())
            .directory(REPO.toFile())
            .redirectErrorStream(true)
            .redirectOutput(console.toFile())
            .start();
    boolean exited = demo.waitFor(50, TimeUnit.SECONDS);
    if (!exited) {
      demo.destroyForcibly();
    }
    String printed = Files.readString(console, StandardCharsets.UTF_8);

    assertThat(exited).as(printed).isTrue();
    assertThat(demo.exitValue()).as(printed).isEqualTo(2);
    assertThat(printed).contains("refusing to use " + out).contains(MARKER);
    assertThat(out.resolve("notes.txt")).hasContent("not the demo's");
    assertThat(out.resolve(MARKER)).doesNotExist();
  }
}
