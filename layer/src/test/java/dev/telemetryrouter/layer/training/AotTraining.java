package dev.telemetryrouter.layer.training;

import dev.telemetryrouter.locallambda.standins.LoopbackSinks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Trains the layer's AOT cache, in the {@code package} phase of the layer module, on the layer
 * folder just assembled (so the cache and the jars always come from the same build):
 *
 * <ol>
 *   <li>runs the packaged launcher under the local Lambda emulator with JDK 25's one-step {@code
 *       -XX:AOTCacheOutput}, through the real Init path (register, routing.yaml load, listener,
 *       subscribe), invocations with function logs, and SHUTDOWN, with every sink the layer ships
 *       sending to loopback stand-ins; the JVM writes the cache when the extension exits;
 *   <li>checks that run: a clean exit, a balanced accounting line, every sink delivered records;
 *   <li>writes {@code aot/jars.sha256}, a copy of {@code lib/jars.sha256}, which the launcher
 *       requires before it uses the cache;
 *   <li>proves the cache is accepted ({@link AotCheck}).
 * </ol>
 *
 * Any failure deletes {@code aot/} and exits 1, which fails the build: no layer ships a cache that
 * was not trained and checked with its own jars. Usage: {@code AotTraining <layer-dir> <work-dir>}.
 */
public final class AotTraining {

  private static final String JAVA_OPTS = "TELEMETRY_ROUTER_JAVA_OPTS";

  /**
   * -XX:-AOTClassLinking: with AOT class linking on (JDK 25's default for a cache), the JVM loads
   * every class in the cache as it starts, the clients of every sink included, whatever the
   * configuration uses: measured, that ate the cache's whole gain and added 20 MB of RSS. Off,
   * classes are still parsed, verified and profiled in the cache but loaded only when used. The aot
   * warnings of the training JVM (classes it cannot store) would only fill the build log.
   */
  static final String TRAINING_OPTIONS =
      System.getProperty("aot.training.options", "-XX:-AOTClassLinking -Xlog:aot=error");

  private AotTraining() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: AotTraining <layer-dir> <work-dir>");
      System.exit(2);
    }
    Path layer = Path.of(args[0]).toAbsolutePath();
    Path work = Path.of(args[1]).toAbsolutePath();
    Path aot = layer.resolve("telemetry-router/aot");
    try {
      train(layer, work, aot);
      AotCheck.verify(layer, work.resolve("check"));
    } catch (Exception | AssertionError e) {
      deleteTree(aot);
      System.err.println("AOT cache training failed, no cache was kept: " + e.getMessage());
      e.printStackTrace();
      System.exit(1);
    }
  }

  static void train(Path layer, Path work, Path aot) throws IOException {
    Path home = layer.resolve("telemetry-router");
    Path cache = aot.resolve("app.aot");
    deleteTree(aot);
    deleteTree(work);
    Files.createDirectories(aot);

    List<String> types = TrainingConfig.sinkTypes(home.resolve("lib"));
    LayerRun.Result result;
    try (LoopbackSinks services = LoopbackSinks.start()) {
      Path config = TrainingConfig.write(work, types, services, work.resolve("file-sink"));
      // The JVM forks a child at exit to assemble the cache: give SHUTDOWN room for it. The
      // training JVM's own aot warnings (classes it cannot store) would only fill the log.
      result =
          new LayerRun(layer, work.resolve("emulator"))
              .env("TELEMETRY_ROUTER_CONFIG_FILE", config.toString())
              .extensionEnv(JAVA_OPTS, TRAINING_OPTIONS + " -XX:AOTCacheOutput=" + cache)
              .invocations(5)
              .shutdownTimeout(Duration.ofMinutes(2))
              .run();
      checkTraining(result, types, services);
    }
    if (!Files.isRegularFile(cache) || Files.size(cache) == 0) {
      throw new IllegalStateException("the training run exited but wrote no cache at " + cache);
    }

    Files.copy(
        home.resolve("lib/jars.sha256"),
        aot.resolve("jars.sha256"),
        StandardCopyOption.REPLACE_EXISTING);
    System.out.printf(
        "AOT cache trained: %s (%d KiB), sinks %s, %s%n",
        cache, Files.size(cache) / 1024, types, result.summary().orElseThrow());
  }

  private static void checkTraining(
      LayerRun.Result result, List<String> types, LoopbackSinks services) {
    if (!result.clean()) {
      throw new IllegalStateException(
          "the training run was not clean: " + result.report().toText() + tail(result));
    }
    SummaryLine summary =
        result
            .summary()
            .orElseThrow(() -> new IllegalStateException("no summary line" + tail(result)));
    if (!summary.balances()) {
      throw new IllegalStateException("the summary does not balance: " + summary);
    }
    for (String type : types) {
      if (summary.count(type, "delivered") <= 0) {
        throw new IllegalStateException("sink " + type + " delivered nothing: " + summary);
      }
      boolean remote = !type.equals("file") && !type.equals("stdout");
      if (remote && services.requests(type) == 0) {
        throw new IllegalStateException("the loopback " + type + " service got no request");
      }
    }
  }

  static String tail(LayerRun.Result result) {
    List<String> lines = result.extensionLines();
    return "\nlast extension lines:\n"
        + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
