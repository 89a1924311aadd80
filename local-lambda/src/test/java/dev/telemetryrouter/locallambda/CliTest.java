package dev.telemetryrouter.locallambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

  @TempDir Path tmp;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Cli.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void run_withoutAFunctionSource_printsUsageAndExits2() {
    int code = run("--layer", tmp.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--layer and one of --function-cmd or --events are required")
        .contains("usage: local-lambda");
  }

  @Test
  void run_withAnUnknownOption_namesIt() {
    int code = run("--layer", tmp.toString(), "--events", "x", "--colour", "red");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --colour");
  }

  @Test
  void run_withALayerAndEvents_invokesShutsDownAndWritesTheReport() throws Exception {
    Path layer = tmp.resolve("layer");
    TestLayer.withExtension(layer, "fake-extension.sh", "fake");
    Path report = tmp.resolve("out/report.json");

    int code =
        run(
            "--layer", layer.toString(),
            "--events", TestLayer.resource("two-invocations.jsonl").toString(),
            "--invocations", "2",
            "--env", "STAGE=test",
            "--shutdown-reason", "SPINDOWN",
            "--work-dir", tmp.resolve("work").toString(),
            "--report", report.toString());

    assertThat(code).isZero();
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .contains("init: success")
        .contains("extension fake: register")
        .contains("shutdown: spindown");
    assertThat(Files.readString(report)).contains("\"invocations\":[{");
    assertThat(Files.readString(tmp.resolve("work/extensions.log"))).contains("fake: event");
  }
}
