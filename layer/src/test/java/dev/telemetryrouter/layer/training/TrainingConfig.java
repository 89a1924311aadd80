package dev.telemetryrouter.layer.training;

import dev.telemetryrouter.locallambda.standins.LoopbackSinks;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The routing.yaml of a run with every sink the layer ships, each pointed at a loopback stand-in or
 * a temporary folder, with fake credentials (the emulator's) and an explicit region so that no
 * client ever looks anything up.
 */
public final class TrainingConfig {

  /** Sink modules are packaged as router-sink-TYPE-VERSION.jar. */
  private static final Pattern SINK_JAR = Pattern.compile("router-sink-([a-z0-9-]+?)-\\d.*\\.jar");

  /** Library jars named like sinks that are not sinks. */
  private static final List<String> NOT_SINKS = List.of("aws-common", "testkit");

  /** The sink types this class can configure; a layer shipping another one fails the build. */
  private static final List<String> KNOWN =
      List.of("file", "stdout", "firehose", "kinesis", "s3", "http");

  private TrainingConfig() {}

  /** The sink types whose jars are in {@code lib}, in a fixed order. */
  public static List<String> sinkTypes(Path lib) throws IOException {
    List<String> types = new ArrayList<>();
    try (Stream<Path> jars = Files.list(lib)) {
      for (Path jar : jars.sorted().toList()) {
        Matcher name = SINK_JAR.matcher(jar.getFileName().toString());
        if (name.matches() && !NOT_SINKS.contains(name.group(1))) {
          types.add(name.group(1));
        }
      }
    }
    for (String type : types) {
      if (!KNOWN.contains(type)) {
        throw new IllegalStateException(
            "the layer ships sink type '"
                + type
                + "' which the training run does not exercise: add it to TrainingConfig and"
                + " LoopbackSinks so the AOT cache covers it");
      }
    }
    return types;
  }

  /** Writes routing.yaml for {@code types} into {@code dir} and returns its path. */
  public static Path write(Path dir, List<String> types, LoopbackSinks services, Path fileOut)
      throws IOException {
    // A free port rather than the default 4243, so a training run never collides with another
    // extension or build on the same machine.
    StringBuilder yaml =
        new StringBuilder("version: 1\nextension:\n  listener:\n    port: ")
            .append(freePort())
            .append("\nsinks:\n");
    for (String type : types) {
      yaml.append("  ").append(type).append(":\n    type: ").append(type).append('\n');
      yaml.append(options(type, services, fileOut));
    }
    if (types.contains("kinesis")) {
      // The KPL aggregation path is separate code: a second Kinesis sink trains it too.
      yaml.append("  kinesis-aggregated:\n    type: kinesis\n    aggregation: true\n");
      yaml.append(options("kinesis", services, fileOut));
    }
    Files.createDirectories(dir);
    Path file = dir.resolve("routing.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static String options(String type, LoopbackSinks services, Path fileOut) {
    return switch (type) {
      case "file" -> "    directory: " + fileOut.toAbsolutePath() + "\n";
      case "stdout" -> "";
      case "firehose", "kinesis" -> "    stream: training-stream\n" + aws(type, services);
      case "s3" -> "    bucket: training-bucket\n    compression: gzip\n" + aws(type, services);
      case "http" -> "    url: " + services.url(type) + "/ingest\n    gzip: true\n";
      default -> throw new IllegalArgumentException(type.toUpperCase(Locale.ROOT));
    };
  }

  /**
   * An inline routing.yaml (for {@code TELEMETRY_ROUTER_CONFIG}) with one file sink writing to
   * {@code out}, as the built-in default has, but on a free listener port rather than the default
   * 4243, which another extension or build on the machine may hold.
   */
  public static String oneFileSink(Path out) throws IOException {
    return "version: 1\nextension:\n  listener:\n    port: "
        + freePort()
        + "\nsinks:\n  file:\n    type: file\n    directory: "
        + out.toAbsolutePath()
        + "\n";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** An explicit region and a loopback endpoint: the SDK then resolves and probes nothing. */
  private static String aws(String type, LoopbackSinks services) {
    return "    region: us-east-1\n    endpoint: " + services.url(type) + "\n";
  }
}
