package dev.telemetryrouter.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.telemetryrouter.layer.training.LayerRun;
import dev.telemetryrouter.layer.training.TrainingConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A layer whose AOT cache does not belong to its jars must start normally without the cache: the
 * launcher compares the stamps and leaves the cache out, and a cache the JVM cannot read is skipped
 * by the JVM itself (the launcher never passes {@code -XX:AOTMode=on}).
 */
class AotCacheMismatchIT {

  /** How the JVM's class-load log names the extension's main class taken from a cache. */
  private static final String MAIN_FROM_CACHE =
      "dev.telemetryrouter.core.Main source: shared objects file";

  @TempDir Path temp;

  @Test
  void build_stampRuleMatchesTheLauncherStamp() throws IOException {
    Path opt = unpack();
    Path lib = opt.resolve("telemetry-router/lib");

    String shipped = Files.readString(lib.resolve("jars.sha256")).strip();

    assertThat(LayerZip.jarStamp(lib)).isEqualTo(shipped);
    assertThat(Files.readString(opt.resolve("telemetry-router/aot/jars.sha256")).strip())
        .isEqualTo(shipped);
  }

  @Test
  void launcher_whenAJarWasSwapped_skipsTheCacheAndTheExtensionStillRuns() throws IOException {
    Path opt = unpack();
    Path lib = opt.resolve("telemetry-router/lib");
    swapJar(lib.resolve(singleJar(lib, "router-sink-stdout-")));
    Files.writeString(lib.resolve("jars.sha256"), LayerZip.jarStamp(lib) + "\n");

    LayerRun.Result result = runWithJvmLogs(opt);

    assertThat(result.clean()).as(result.report().toText()).isTrue();
    assertThat(result.summary()).isPresent();
    assertThat(log("aot.log")).doesNotContain("app.aot");
    assertThat(log("class-load.log")).doesNotContain(MAIN_FROM_CACHE);
  }

  @Test
  void jvm_whenTheCacheIsDamaged_startsWithoutItAndTheExtensionStillRuns() throws IOException {
    Path opt = unpack();
    Path cache = opt.resolve("telemetry-router/aot/app.aot");
    byte[] bytes = Files.readAllBytes(cache);
    Files.write(cache, java.util.Arrays.copyOf(bytes, 4096));

    LayerRun.Result result = runWithJvmLogs(opt);

    assertThat(result.clean()).as(result.report().toText()).isTrue();
    assertThat(result.summary()).isPresent();
    assertThat(log("aot.log")).contains("app.aot");
    assertThat(log("class-load.log")).doesNotContain(MAIN_FROM_CACHE);
  }

  /** The built layer, unpacked; these tests are skipped for a layer built without a cache. */
  private Path unpack() throws IOException {
    Path opt = temp.resolve("opt");
    LayerZip.extract(LayerZip.built(), opt);
    assumeTrue(
        Files.isRegularFile(opt.resolve("telemetry-router/aot/app.aot")),
        "the layer was built without an AOT cache (-Dlayer.aot.skip=true)");
    return opt;
  }

  /** Runs the layer with the JVM's aot and class-load logs in files of the temp folder. */
  private LayerRun.Result runWithJvmLogs(Path opt) throws IOException {
    String logs =
        "-Xlog:aot=info:file="
            + temp.resolve("aot.log")
            + " -Xlog:class+load=info:file="
            + temp.resolve("class-load.log");
    return new LayerRun(opt, temp.resolve("emulator"))
        .env("TELEMETRY_ROUTER_CONFIG", TrainingConfig.oneFileSink(temp.resolve("out")))
        .extensionEnv("TELEMETRY_ROUTER_JAVA_OPTS", logs)
        .invocations(1)
        .run();
  }

  private String log(String name) throws IOException {
    return Files.readString(temp.resolve(name), StandardCharsets.UTF_8);
  }

  private static String singleJar(Path lib, String prefix) throws IOException {
    try (Stream<Path> files = Files.list(lib)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(name -> name.startsWith(prefix))
          .findFirst()
          .orElseThrow();
    }
  }

  /** What a newer build of the same jar looks like to the stamp: other bytes, same classes. */
  private static void swapJar(Path jar) throws IOException {
    try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
      Files.writeString(fs.getPath("META-INF/rebuilt.txt"), "a later build\n");
    }
  }
}
