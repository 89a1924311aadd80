package dev.telemetryrouter.locallambda;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sends SIGSTOP and SIGCONT. The JDK can only send SIGTERM and SIGKILL, so these go through {@code
 * /bin/kill}.
 */
final class Signals {

  private static final System.Logger log = System.getLogger(Signals.class.getName());

  private Signals() {}

  /** Sends SIGSTOP and waits (at most a second) until every process shows as stopped. */
  static void stop(Collection<Long> pids) {
    send("-STOP", pids);
    // kill(1) returns once the signal is queued; a process stops when it next gets the CPU.
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    while (!pids.stream().allMatch(Signals::stoppedOrGone) && System.nanoTime() < end) {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** State T (stopped), t (traced), Z (zombie) or no such process, from /proc/<pid>/stat. */
  private static boolean stoppedOrGone(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state == 'T' || state == 't' || state == 'Z' || state == 'X';
    } catch (IOException | RuntimeException e) {
      return true;
    }
  }

  static void resume(Collection<Long> pids) {
    send("-CONT", pids);
  }

  private static void send(String signal, Collection<Long> pids) {
    if (pids.isEmpty()) {
      return;
    }
    List<String> command = new ArrayList<>(List.of("/bin/kill", signal));
    pids.forEach(pid -> command.add(Long.toString(pid)));
    try {
      Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
      kill.getInputStream().readAllBytes();
      if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        // A process that exited meanwhile makes kill fail for that pid only; the others got it.
        log.log(Level.DEBUG, "kill {0} for {1} did not succeed for every pid", signal, pids);
      }
    } catch (IOException e) {
      log.log(Level.WARNING, "could not run /bin/kill " + signal, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The process and all its descendants, parents first. */
  static List<ProcessHandle> tree(ProcessHandle root) {
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(root);
    root.descendants().forEach(tree::add);
    return tree;
  }

  /**
   * SIGKILLs a process and its descendants. The tree is listed before the first kill, so a child
   * re-parented meanwhile is still reached; parents go first so that a shell does not report its
   * killed child ("Killed") as output of its own.
   */
  static void killTree(ProcessHandle root) {
    tree(root).forEach(ProcessHandle::destroyForcibly);
  }
}
