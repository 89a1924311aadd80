package dev.telemetryrouter.benchmarks.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Replaces a layer's runtime with one linked by the harness's JDK from the same modules with the
 * same jlink options as {@code layer/src/build/build-layer.sh}, plus {@link #COMPRESS}, so that the
 * compression of the modules image is the only difference.
 *
 * <p>The harness's JDK need not have a {@code jmods} folder: JDK 25's jlink can link from its own
 * run-time image when it was built with that feature (JEP 493; {@code jlink --help} then ends with
 * "Linking from run-time image enabled"), as build-layer.sh already relies on. Such a jlink only
 * links its own version, hence the version check.
 */
final class CompressedRuntime {

  /** zip-0 to zip-9 are accepted by JDK 25's jlink; zip-6 is its documented default level. */
  static final String COMPRESS = "--compress=zip-6";

  private CompressedRuntime() {}

  static void replace(Path runtime, Path jdkHome) throws IOException, InterruptedException {
    Path releaseFile = runtime.resolve("release");
    String release = Files.readString(releaseFile, StandardCharsets.UTF_8);
    String modules = modules(release, releaseFile);
    String wanted = field("JAVA_VERSION", release, releaseFile);
    Path jdkRelease = jdkHome.resolve("release");
    String jdk = field("JAVA_VERSION", Files.readString(jdkRelease), jdkRelease);
    if (!wanted.equals(jdk)) {
      throw new IOException(
          "the layer's runtime is Java "
              + wanted
              + " but the harness runs on "
              + jdk
              + " ("
              + jdkHome
              + "): run the harness on the JDK that built the layer");
    }

    LayerFiles.delete(runtime);
    jlink(jdkHome, modules, runtime);

    // As build-layer.sh does after jlink: only the java launcher stays, and the CDS archive for
    // heaps over 32 GB goes (unusable under the layer's -Xmx).
    try (Stream<Path> tools = Files.list(runtime.resolve("bin"))) {
      for (Path tool :
          tools.filter(path -> !path.getFileName().toString().equals("java")).toList()) {
        Files.delete(tool);
      }
    }
    Files.deleteIfExists(runtime.resolve("lib/server/classes_nocoops.jsa"));
  }

  /** The {@code MODULES} line of a runtime's {@code release} file, comma-separated for jlink. */
  static String modules(String release, Path from) throws IOException {
    return String.join(",", field("MODULES", release, from).strip().split("\\s+"));
  }

  private static void jlink(Path jdkHome, String modules, Path output)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(jdkHome.resolve("bin/jlink").toString());
    command.addAll(List.of("--add-modules", modules, "--output", output.toString()));
    command.addAll(List.of("--strip-debug", "--no-man-pages", "--no-header-files"));
    command.addAll(List.of("--generate-cds-archive", COMPRESS));

    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + said.strip());
    }
  }

  private static String field(String key, String release, Path from) throws IOException {
    Matcher matcher = Pattern.compile("(?m)^" + key + "=\"([^\"]*)\"").matcher(release);
    if (!matcher.find() || matcher.group(1).isBlank()) {
      throw new IOException(
          "no "
              + key
              + "=\"...\" line in "
              + from
              + ": expected the release file of a Java runtime");
    }
    return matcher.group(1);
  }
}
