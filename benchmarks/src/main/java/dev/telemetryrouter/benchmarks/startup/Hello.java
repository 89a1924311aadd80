package dev.telemetryrouter.benchmarks.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor: a bare program on the same runtime and flags as the extension. Prints one line as soon
 * as {@code main} runs (the harness times launch to that line), then its peak RSS.
 */
public final class Hello {

  private Hello() {}

  public static void main(String[] args) throws IOException {
    System.out.println("hello");
    System.out.flush();
    String peak =
        Files.readAllLines(Path.of("/proc/self/status")).stream()
            .filter(line -> line.startsWith("VmHWM:"))
            .findFirst()
            .orElse("VmHWM: 0 kB");
    System.out.println(peak);
  }
}
