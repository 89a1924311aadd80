package dev.telemetryrouter.layer.training;

import dev.telemetryrouter.locallambda.FunctionSource;
import dev.telemetryrouter.locallambda.LocalLambda;
import dev.telemetryrouter.locallambda.LocalLambdaBuilder;
import dev.telemetryrouter.locallambda.RunReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of a layer folder under the local Lambda emulator, as Lambda would run it: Init (the
 * launcher in extensions/ is started and registers), a few invocations whose function prints log
 * lines, then SHUTDOWN. Collects the emulator's report and every line the extension printed.
 */
public final class LayerRun {

  /** A function that prints plain lines, JSON lines and a stderr line, like a real handler. */
  public static final String FUNCTION =
      "i=0; while [ $i -lt 40 ]; do echo \"handled item $i\";"
          + " echo '{\"level\":\"INFO\",\"message\":\"json line\",\"n\":'$i'}'; i=$((i+1)); done;"
          + " echo 'a warning' >&2";

  private final Path layer;
  private final Path workDir;
  private final Map<String, String> functionEnv = new LinkedHashMap<>();
  private final Map<String, String> extensionEnv = new LinkedHashMap<>();
  private String function = FUNCTION;
  private int invocations = 3;
  private Duration shutdownTimeout = Duration.ofMillis(2000);

  public LayerRun(Path layer, Path workDir) {
    this.layer = layer;
    this.workDir = workDir;
  }

  /** A variable of the function; extensions get it too, as on Lambda. */
  public LayerRun env(String key, String value) {
    functionEnv.put(key, value);
    return this;
  }

  /** A variable for the extension's process only (the JVM options of a training run). */
  public LayerRun extensionEnv(String key, String value) {
    extensionEnv.put(key, value);
    return this;
  }

  public LayerRun function(String shellCommand) {
    this.function = shellCommand;
    return this;
  }

  public LayerRun invocations(int count) {
    this.invocations = count;
    return this;
  }

  /** Lambda gives 2 s; a training run needs longer, since the JVM writes the cache at exit. */
  public LayerRun shutdownTimeout(Duration timeout) {
    this.shutdownTimeout = timeout;
    return this;
  }

  /** What a run produced. */
  public record Result(RunReport report, List<String> extensionLines) {

    public RunReport.ExtensionReport extension() {
      if (report.extensions().isEmpty()) {
        throw new IllegalStateException("no extension was launched: " + report.launchErrors());
      }
      return report.extensions().getFirst();
    }

    public Optional<SummaryLine> summary() {
      return SummaryLine.findLast(extensionLines);
    }

    /** Whether the extension registered, exited 0 on its own and every invocation succeeded. */
    public boolean clean() {
      RunReport.ExtensionReport extension = extension();
      return report.initStatus().equals("success")
          && extension.launchToRegister() != null
          && Integer.valueOf(0).equals(extension.exitCode())
          && extension.exitedBeforeDeadline()
          && report.invocations().stream().allMatch(i -> i.status().equals("success"));
    }
  }

  /** Runs Init, the invocations and SHUTDOWN, and returns what happened. */
  public Result run() throws IOException {
    Files.createDirectories(workDir);
    LocalLambdaBuilder builder =
        LocalLambda.builder()
            .layer(layer)
            .workDir(workDir)
            .function(FunctionSource.command(function))
            // Generous: the first invocation builds every sink's client on a cold JVM, and these
            // runs share the build machine; the runs check behaviour, not speed.
            .functionTimeout(Duration.ofSeconds(30))
            .shutdownTimeout(shutdownTimeout);
    functionEnv.forEach(builder::env);
    extensionEnv.forEach(builder::extensionEnv);

    RunReport report;
    Path log;
    try (LocalLambda lambda = builder.start()) {
      log = lambda.extensionLog();
      for (int i = 0; i < invocations && lambda.initSucceeded(); i++) {
        if (!lambda.invoke().status().equals("success")) {
          break;
        }
      }
      report = lambda.shutdown("spindown");
    }
    List<String> lines =
        Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    return new Result(report, lines);
  }
}
