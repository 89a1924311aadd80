package dev.telemetryrouter.benchmarks.startup;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One measured run of a layer folder under the emulator: Init (launch to register and to the first
 * {@code /next}, then the JVM's peak RSS), one invocation whose function prints {@code records}
 * lines routed to the built-in file sink or a routing.yaml's sinks (then the peak RSS again),
 * SHUTDOWN (the accounting line says how many records the extension received).
 */
final class LayerProbe {

  private static final Pattern RECEIVED = Pattern.compile(" summary received=(\\d+)");

  /** One run's figures; times in milliseconds, memory in KiB. */
  record Sample(
      double registerMs,
      double firstNextMs,
      double cpuInitMs,
      double cpuRecordsMs,
      double heldMs,
      long rssInitKb,
      long fileBackedInitKb,
      long rssAfterKb,
      long received,
      boolean clean) {}

  private LayerProbe() {}

  /**
   * Runs the layer folder once. With a {@code config} file, the extension reads it as its
   * routing.yaml (through TELEMETRY_ROUTER_CONFIG_FILE) instead of the built-in file sink, and its
   * {@code ${TELEMETRY_ROUTER_DEMO_DIR}} names this run's output folder; {@code extraEnv} (the
   * stand-ins' URLs, say) is added to the function's variables, which extensions see too.
   */
  static Sample run(
      Path layer,
      Path work,
      String javaOpts,
      int records,
      @Nullable Path config,
      Map<String, String> extraEnv)
      throws IOException {
    LayerFiles.delete(work);
    Files.createDirectories(work);
    String function =
        "i=0; while [ $i -lt "
            + records
            + " ]; do echo \"benchmark record $i: a line of ordinary length from a handler\";"
            + " i=$((i+1)); done";
    LocalLambdaBuilder builder =
        LocalLambda.builder()
            .layer(layer)
            .workDir(work.resolve("emulator"))
            .function(FunctionSource.command(function))
            .functionTimeout(Duration.ofSeconds(60))
            // Every line must reach the extension for the memory figure to mean 10,000 records:
            // queue full batches instead of dropping them, as production Lambda mostly manages.
            .dropWhileBusy(false);
    functionEnv(work, config, extraEnv).forEach(builder::env);
    if (!javaOpts.isBlank()) {
      builder.extensionEnv("TELEMETRY_ROUTER_JAVA_OPTS", javaOpts);
    }

    try (LocalLambda lambda = builder.start()) {
      if (!lambda.initSucceeded()) {
        // Counted as an unclean run (an Init over the 10 s limit on a loaded machine, say).
        return new Sample(
            Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, -1, -1, -1, -1, false);
      }
      RunReport.ExtensionReport extension = lambda.report().extensions().getFirst();
      long pid = lambda.extensionPids().getFirst();
      double cpuInit = cpuMs(pid);
      long rssInit = peakRssKb(pid);
      long fileBacked = statusKb(pid, "RssFile:");
      RunReport.InvocationReport invocation = lambda.invoke();
      String status = invocation.status();
      // How long the extension kept the invocation open after the function returned: flushing
      // the records, which is billed to the function.
      double held =
          invocation.heldAfterRuntimeDone().values().stream()
              .mapToDouble(LayerProbe::millis)
              .max()
              .orElse(Double.NaN);
      double cpuRecords = cpuMs(pid) - cpuInit;
      long rssAfter = peakRssKb(pid);
      RunReport report = lambda.shutdown();

      long received = received(lambda.extensionLog());
      boolean clean =
          status.equals("success")
              && report.initStatus().equals("success")
              && Integer.valueOf(0).equals(report.extensions().getFirst().exitCode());
      return new Sample(
          millis(extension.launchToRegister()),
          millis(extension.launchToFirstNext()),
          cpuInit,
          cpuRecords,
          held,
          rssInit,
          fileBacked,
          rssAfter,
          received,
          clean);
    }
  }

  /**
   * The CPU time the JVM has used so far, user and system, of every thread including those that
   * have ended (fields 14 and 15 of /proc/PID/stat, in clock ticks of 10 ms: USER_HZ is 100 on
   * Linux). Unlike wall time it does not grow when other processes take the CPU, and it is what
   * Init costs on a function whose memory size buys less than one vCPU.
   */
  static double cpuMs(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    // The command name in parentheses may hold spaces; the fields after it are plain.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return ticks * 10.0;
  }

  /**
   * The function's variables for one run: the built-in file sink's two, then with a {@code config}
   * the routing.yaml's path and output folder (a routing.yaml overrides the built-in sink), then
   * {@code extraEnv}, which may not replace any of them.
   */
  static Map<String, String> functionEnv(
      Path work, @Nullable Path config, Map<String, String> extraEnv) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("TELEMETRY_ROUTER_SINK", "file");
    env.put("TELEMETRY_ROUTER_TARGET", work.resolve("out").toString());
    if (config != null) {
      env.put("TELEMETRY_ROUTER_CONFIG_FILE", config.toAbsolutePath().toString());
      env.put("TELEMETRY_ROUTER_DEMO_DIR", work.resolve("out").toString());
    }
    extraEnv.forEach(
        (name, value) -> {
          if (env.putIfAbsent(name, value) != null) {
            throw new IllegalArgumentException(name + " is set by the harness itself");
          }
        });
    return env;
  }

  /** VmHWM, the peak resident set of the process; the launcher exec's the JVM, so same pid. */
  static long peakRssKb(long pid) throws IOException {
    return statusKb(pid, "VmHWM:");
  }

  /**
   * A line of /proc/PID/status in KiB. RssFile is the part of the resident set backed by files (the
   * mapped AOT cache, CDS archive, modules image and libjvm), which the kernel can drop and share;
   * the rest is the process's own memory.
   */
  static long statusKb(long pid, String key) throws IOException {
    List<String> status = Files.readAllLines(Path.of("/proc/" + pid + "/status"));
    return status.stream()
        .filter(line -> line.startsWith(key))
        .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
        .findFirst()
        .orElse(-1L);
  }

  private static long received(Path log) throws IOException {
    if (!Files.exists(log)) {
      return -1;
    }
    long last = -1;
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      Matcher matcher = RECEIVED.matcher(line);
      if (matcher.find()) {
        last = Long.parseLong(matcher.group(1));
      }
    }
    return last;
  }

  private static double millis(Duration duration) {
    return duration == null ? Double.NaN : duration.toNanos() / 1_000_000.0;
  }
}
