package dev.telemetryrouter.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.layer.training.LayerRun;
import dev.telemetryrouter.layer.training.SummaryLine;
import dev.telemetryrouter.layer.training.TrainingConfig;
import dev.telemetryrouter.locallambda.standins.LoopbackSinks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built zip, unpacked into an /opt-like folder and run under the local Lambda emulator as a
 * user's function would run it: the function ships a routing.yaml with every sink the layer
 * carries, each pointed at a loopback stand-in or a temporary folder. Runs on the trimmed runtime
 * inside the zip, so it also proves the runtime has every module the sinks need. The e2e module's
 * AwsFanOutTest runs the same zip against the real emulators and reads every destination back.
 */
class PackagedLayerIT {

  @TempDir static Path temp;

  /** A JVM option a function might set; the JVM announces it ("Picked up ...") when it sees it. */
  private static final String FUNCTION_JVM_OPTION = "-Dfunction.only.option=set-by-the-function";

  private static LoopbackSinks services;
  private static List<String> types;
  private static LayerRun.Result result;

  @BeforeAll
  static void runTheLayer() throws IOException {
    Path opt = temp.resolve("opt");
    LayerZip.extract(LayerZip.built(), opt);
    types = TrainingConfig.sinkTypes(opt.resolve("telemetry-router/lib"));
    services = LoopbackSinks.start();
    Path config = TrainingConfig.write(temp.resolve("task"), types, services, fileOut());

    result =
        new LayerRun(opt, temp.resolve("emulator"))
            .env("TELEMETRY_ROUTER_CONFIG_FILE", config.toString())
            // Meant for the function's JVM; every function variable reaches extensions too.
            .env("JAVA_TOOL_OPTIONS", FUNCTION_JVM_OPTION)
            .env("JDK_JAVA_OPTIONS", FUNCTION_JVM_OPTION)
            .invocations(3)
            .run();
  }

  @AfterAll
  static void stopServices() {
    if (services != null) {
      services.close();
    }
  }

  private static Path fileOut() {
    return temp.resolve("file-sink");
  }

  @Test
  void zip_launcherIsExecutableForEveryone() throws IOException {
    var mode = LayerZip.modeInZip(LayerZip.built(), "extensions/telemetry-router");

    assertThat(PosixFilePermissions.toString(mode)).isEqualTo("rwxr-xr-x");
  }

  @Test
  void run_registersAndExitsCleanlyAfterShutdown() {
    assertThat(result.clean()).as(result.report().toText()).isTrue();
    assertThat(result.report().errorCalls()).isEmpty();
    assertThat(result.extension().name()).isEqualTo("telemetry-router");
  }

  @Test
  void launcher_keepsTheFunctionsJvmOptionsFromTheExtensionsJvm() {
    assertThat(result.clean()).as(result.report().toText()).isTrue();
    assertThat(result.extensionLines())
        .as("the extension's output")
        .isNotEmpty()
        .noneMatch(line -> line.contains("Picked up") || line.contains("function.only.option"));
  }

  @Test
  void run_layerShipsEverySinkItIsBuiltWith() {
    assertThat(types).contains("file", "stdout", "firehose", "kinesis", "s3", "http");
  }

  @Test
  void summary_balancesAndEverySinkDeliveredEveryRecord() {
    SummaryLine summary = result.summary().orElseThrow();

    assertThat(summary.balances()).as(summary.toString()).isTrue();
    assertThat(summary.received()).isPositive();
    for (String type : types) {
      assertThat(summary.count(type, "delivered"))
          .as("sink %s in %s", type, summary)
          .isEqualTo(summary.received() - summary.dropped());
    }
  }

  @Test
  void records_reachTheFileAndTheLoopbackServices() throws IOException {
    SummaryLine summary = result.summary().orElseThrow();

    assertThat(linesIn(fileOut())).isEqualTo(summary.count("file", "delivered"));
    assertThat(services.firehoseRecords()).isEqualTo(summary.count("firehose", "delivered"));
    assertThat(services.kinesisRecords())
        .as("one Kinesis record per log record, plus the aggregated sink's records")
        .isGreaterThan(summary.count("kinesis", "delivered"));
    for (String type : types) {
      if (!type.equals("file") && !type.equals("stdout")) {
        assertThat(services.requests(type)).as(type).isPositive();
      }
    }
  }

  @Test
  void functionLogs_arriveAsRecords() throws IOException {
    String written = String.join("\n", allFileLines(fileOut()));

    assertThat(written).contains("handled item 39").contains("a warning");
  }

  private static long linesIn(Path dir) throws IOException {
    return allFileLines(dir).size();
  }

  private static List<String> allFileLines(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> sorted = files.sorted().toList();
      List<String> lines = new java.util.ArrayList<>();
      for (Path file : sorted) {
        lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
      }
      return lines;
    }
  }
}
