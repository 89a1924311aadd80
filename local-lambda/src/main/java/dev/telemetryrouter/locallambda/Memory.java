package dev.telemetryrouter.locallambda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Peak resident memory of the extension processes, read from {@code /proc/<pid>/status} (VmHWM),
 * for platform.report's maxMemoryUsedMB: on Lambda, extension memory counts against the function.
 */
final class Memory {

  private Memory() {}

  static long peakMb(List<Long> pids) {
    long kib = 0;
    for (long pid : pids) {
      var root = ProcessHandle.of(pid);
      if (root.isPresent()) {
        for (ProcessHandle handle : Signals.tree(root.get())) {
          kib += peakKib(handle.pid());
        }
      }
    }
    return (kib + 1023) / 1024;
  }

  private static long peakKib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // The process exited meanwhile, or /proc is not there: it adds nothing.
    }
    return 0;
  }
}
