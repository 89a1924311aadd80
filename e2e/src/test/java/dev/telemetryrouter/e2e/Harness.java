package dev.telemetryrouter.e2e;

import dev.telemetryrouter.locallambda.LayerArchive;
import dev.telemetryrouter.locallambda.LocalLambda;
import dev.telemetryrouter.locallambda.LocalLambdaBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One end-to-end run's folders: the layer the emulator runs, the file sink's output folder, and the
 * emulator's work folder. The layer is either the development one, whose {@code
 * extensions/telemetry-router} launcher starts the real extension ({@code
 * dev.telemetryrouter.core.Main}) on this JDK with the build's runtime class path, or the built
 * layer zip unpacked as Lambda unpacks it into {@code /opt} (its own launcher, trimmed runtime and
 * AOT cache).
 */
final class Harness {

  static final String EXTENSION = "telemetry-router";

  /** Which layer a run starts. */
  enum Layer {
    /** A launcher written for the test, on this JDK and the build's class path. */
    DEVELOPMENT,
    /** The zip the layer module built ({@code layer.zip} system property), unpacked. */
    PACKAGED
  }

  final Path layer;
  final Path out;
  final Path work;
  final int port;

  Harness(Path root) {
    this(root, Layer.DEVELOPMENT);
  }

  Harness(Path root, Layer kind) {
    this.layer = root.resolve("layer");
    this.out = root.resolve("out");
    this.work = root.resolve("work");
    this.port = freePort();
    try {
      Files.createDirectories(work);
      switch (kind) {
        case DEVELOPMENT -> {
          Files.createDirectories(layer.resolve("extensions"));
          writeLauncher(layer.resolve("extensions").resolve(EXTENSION));
        }
        case PACKAGED -> LayerArchive.extract(builtZip(), layer);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A routing.yaml with the file sink {@code out} writing to {@link #out} and the listener on
   * {@link #port}; {@code extension} and {@code sink} are extra YAML lines, already indented.
   */
  String routing(String extension, String sink) {
    return "version: 1\n"
        + "extension:\n"
        + "  listener:\n"
        + "    port: "
        + port
        + "\n"
        + extension
        + "sinks:\n"
        + "  out:\n"
        + "    type: file\n"
        + "    directory: "
        + out
        + "\n"
        + sink;
  }

  /** The emulator over this layer, with {@code routingYaml} given inline through the env. */
  LocalLambdaBuilder emulator(String routingYaml) {
    return LocalLambda.builder()
        .layer(layer)
        .workDir(work)
        .functionName("orders")
        .region("eu-west-1")
        .env("TELEMETRY_ROUTER_CONFIG", routingYaml);
  }

  List<Map<String, @Nullable Object>> routed() {
    return JsonLines.readFolder(out);
  }

  String extensionLog(LocalLambda lambda) {
    try {
      return Files.readString(lambda.extensionLog(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeLauncher(Path file) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String script =
        "#!/bin/sh\n"
            + "# Written by the end-to-end tests: the layer's launcher, on the build's class"
            + " path.\n"
            + "unset JAVA_TOOL_OPTIONS _JAVA_OPTIONS JDK_JAVA_OPTIONS\n"
            + "export TELEMETRY_ROUTER_EXTENSION_NAME=\"${0##*/}\"\n"
            + "exec '"
            + java
            + "' -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx128m"
            + " -cp '"
            + classpath()
            + "' dev.telemetryrouter.core.Main\n";
    Files.writeString(file, script, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static String classpath() {
    String file =
        Objects.requireNonNull(
            System.getProperty("extension.classpath.file"),
            "run through Maven: the build writes the extension's class path to a file");
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The layer zip of this build. Missing means the layer module was not built first: the test then
   * fails rather than skips, so a build that should have made the zip cannot pass without it.
   */
  private static Path builtZip() {
    String zip =
        Objects.requireNonNull(
            System.getProperty("layer.zip"), "run through Maven: the build passes the zip's path");
    Path path = Path.of(zip);
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException(
          "no layer zip at " + path + ": build it with the layer, ./mvnw -pl e2e -am verify");
    }
    return path;
  }

  /** A port free now, for the listener; the emulator delivers to 127.0.0.1 on it. */
  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
