package dev.telemetryrouter.benchmarks.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The bare JVM on the layer's own runtime and flags: launch of {@link Hello} to its first line of
 * output, and its peak RSS. The extension's figures are compared with these.
 */
final class Floor {

  /** One run: launch to main in milliseconds, peak RSS in KiB. */
  record Sample(double mainMs, long rssKb) {}

  private Floor() {}

  static Sample run(Path layer, Path classes) throws IOException, InterruptedException {
    Path home = layer.resolve("telemetry-router");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    home.resolve("runtime/bin/java").toString(),
                    "@" + home.resolve("jvm.options"),
                    "-cp",
                    classes.toString(),
                    Hello.class.getName()))
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().keySet().removeIf(key -> key.endsWith("JAVA_OPTIONS"));
    builder.environment().remove("JAVA_TOOL_OPTIONS");

    long start = System.nanoTime();
    Process process = builder.start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String first = out.readLine();
      long mainAt = System.nanoTime();
      String peak = out.readLine();
      process.waitFor();
      if (!"hello".equals(first) || peak == null) {
        throw new IOException("the floor program printed " + first + " / " + peak);
      }
      return new Sample((mainAt - start) / 1_000_000.0, Long.parseLong(peak.replaceAll("\\D", "")));
    } finally {
      process.destroyForcibly();
    }
  }
}
