package dev.telemetryrouter.layer.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Proves that a layer's AOT cache is accepted and holds the classes of the jars beside it: the
 * packaged launcher is run under the emulator with {@code -XX:AOTMode=on}, which makes the JVM
 * refuse to start rather than run without the cache, and with the JVM's aot and class-load logs
 * written to files. Passing needs: the stamps agree (else the launcher passes no cache and the JVM
 * refuses), the cache opened, the extension's own classes loaded from it, and a clean run.
 *
 * <p>JDK 25.0.3 may accept a cache made for other jars without a word (JDK-8377932), so the JVM's
 * acceptance alone proves nothing about the jars: the stamp comparison, done by the launcher and
 * repeated here, is what ties the cache to them.
 */
public final class AotCheck {

  /** How the JVM's class-load log names a class that came from the AOT cache. */
  private static final String FROM_CACHE =
      "dev.telemetryrouter.core.Main source: shared objects file";

  private AotCheck() {}

  /** Throws {@link IllegalStateException} with what failed; returns normally when proven. */
  public static void verify(Path layer, Path work) throws IOException {
    Path home = layer.resolve("telemetry-router");
    String shipped = firstLine(home.resolve("lib/jars.sha256"));
    String trained = firstLine(home.resolve("aot/jars.sha256"));
    if (shipped.isEmpty() || !shipped.equals(trained)) {
      throw new IllegalStateException(
          "the cache was trained on jars " + trained + " but the layer ships " + shipped);
    }

    Files.createDirectories(work);
    Path aotLog = work.resolve("aot.log");
    Path classLog = work.resolve("class-load.log");
    LayerRun.Result result =
        new LayerRun(layer, work.resolve("emulator"))
            .env("TELEMETRY_ROUTER_CONFIG", TrainingConfig.oneFileSink(work.resolve("out")))
            .extensionEnv(
                "TELEMETRY_ROUTER_JAVA_OPTS",
                "-XX:AOTMode=on -Xlog:aot=info:file="
                    + aotLog
                    + " -Xlog:class+load=info:file="
                    + classLog)
            .invocations(1)
            .run();

    if (!result.clean()) {
      throw new IllegalStateException(
          "the layer did not run cleanly with -XX:AOTMode=on (cache refused?): "
              + result.report().toText()
              + AotTraining.tail(result));
    }
    String aot = Files.exists(aotLog) ? Files.readString(aotLog, StandardCharsets.UTF_8) : "";
    if (!aot.contains("Opened AOT cache " + home.resolve("aot/app.aot"))) {
      throw new IllegalStateException("the JVM did not open the layer's AOT cache; see " + aotLog);
    }
    List<String> loads = Files.readAllLines(classLog, StandardCharsets.UTF_8);
    if (loads.stream().noneMatch(line -> line.endsWith(FROM_CACHE))) {
      throw new IllegalStateException(
          "the extension's classes were not loaded from the AOT cache; see " + classLog);
    }
    System.out.printf(
        "AOT cache accepted: %s (launch to register %s ms, to first /next %s ms)%n",
        home.resolve("aot/app.aot"),
        result.extension().launchToRegister().toMillis(),
        result.extension().launchToFirstNext().toMillis());
  }

  private static String firstLine(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return "";
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return lines.isEmpty() ? "" : lines.getFirst().strip();
  }
}
