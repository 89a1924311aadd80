package dev.telemetryrouter.locallambda;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The shared state of one emulated execution environment: the phase, the launched processes, the
 * registered extensions, the freeze, and the telemetry bus. The API handlers and the lifecycle work
 * on it under one lock.
 */
final class Sandbox {

  private static final System.Logger log = System.getLogger(Sandbox.class.getName());

  /**
   * Lambda allows at most 10 extensions per function (Lambda Extensions API,
   * https://docs.aws.amazon.com/lambda/latest/dg/runtimes-extensions-api.html).
   */
  static final int MAX_EXTENSIONS = 10;

  /**
   * After SHUTDOWN an extension typically closes its listener and exits within moments; a delivery
   * that fails in that window is the listener going away with the process, not a drop. Waited for
   * only during SHUTDOWN, so drops while an extension runs are reported at once.
   */
  static final Duration EXIT_GRACE = Duration.ofMillis(500);

  enum Phase {
    INIT,
    IDLE,
    INVOKE,
    SHUTDOWN,
    CLOSED
  }

  final Settings settings;
  final TelemetryBus bus = new TelemetryBus();
  final DeliveryClient delivery;
  final ReentrantLock lock = new ReentrantLock();
  final Condition changed = lock.newCondition();

  Phase phase = Phase.INIT;
  final Set<String> layerFiles;
  final Map<String, ExtensionProcess> processes = new LinkedHashMap<>();
  final Map<String, Extension> extensionsById = new LinkedHashMap<>();
  final List<RunReport.ErrorCall> errorCalls = new ArrayList<>();
  final List<String> launchErrors = new ArrayList<>();
  int apiPort;

  private volatile boolean frozen;
  private List<Long> frozenPids = List.of();
  private final BufferedWriter mirror;

  Sandbox(Settings settings, Set<String> layerFiles) {
    this.settings = settings;
    this.layerFiles = layerFiles;
    this.delivery = new DeliveryClient(settings.deliveryTimeout());
    try {
      Files.createDirectories(settings.workDir());
      this.mirror =
          Files.newBufferedWriter(
              settings.workDir().resolve("extensions.log"),
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + settings.workDir(), e);
    }
  }

  Instant now() {
    return settings.clock().instant();
  }

  String newId() {
    var random = settings.random();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
    return new UUID(high, low).toString();
  }

  boolean frozen() {
    return frozen;
  }

  List<Extension> extensions() {
    return List.copyOf(extensionsById.values());
  }

  /** Waits under the lock until the condition holds or the deadline passes; true if it holds. */
  boolean awaitUntil(BooleanSupplier condition, Instant deadline) throws InterruptedException {
    while (!condition.getAsBoolean()) {
      Duration left = Duration.between(now(), deadline);
      if (!left.isPositive()) {
        return false;
      }
      // Bounded, so that a condition changed by a process exit without a signal is still seen.
      changed.await(
          Math.min(left.toNanos(), TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
    }
    return true;
  }

  /** Extension output becomes an {@code extension} record and a line of extensions.log. */
  void onOutput(ExtensionProcess source, String stream, String line) {
    Instant time = now();
    bus.emit(new TelemetryEvent(time, "extension", new LogLine(line, settings.logFormat(), time)));
    synchronized (mirror) {
      try {
        mirror.write(
            TelemetryEvent.formatTime(time) + " " + source.fileName + " " + stream + ": " + line);
        mirror.newLine();
        mirror.flush();
      } catch (IOException e) {
        log.log(Level.WARNING, "could not write extensions.log", e);
      }
    }
  }

  void onExit(ExtensionProcess process, int exitCode) {
    lock.lock();
    try {
      process.exitCode = exitCode;
      process.exitedAt = now();
      for (Extension ext : extensionsById.values()) {
        if (ext.process == process && !ext.finished()) {
          ext.state = Extension.State.EXITED;
          if (phase != Phase.SHUTDOWN && phase != Phase.CLOSED) {
            // Any exit outside shutdown is a crash, exit code 0 included (reference emulator:
            // aws/aws-lambda-runtime-interface-emulator, internal/lambda/fatalerror/fatalerror.go).
            ext.errorType = "Extension.Crash";
          }
        }
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    // Outside the lock: subscribers must stop delivering to the exited process now.
    bus.wakeAll();
  }

  /** Tells a subscriber whether the process that owns its listener is gone. */
  Subscriber.Lifeline lifeline(@Nullable ExtensionProcess process) {
    if (process == null) {
      return Subscriber.Lifeline.NONE;
    }
    return new Subscriber.Lifeline() {
      @Override
      public boolean exited() {
        return !process.alive();
      }

      @Override
      public boolean exitsSoon() {
        if (!process.alive()) {
          return true;
        }
        if (!shuttingDown()) {
          return false;
        }
        try {
          return process.process().waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)
              && exitedByItself(process);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return !process.alive();
        }
      }
    };
  }

  /** A process SIGKILLed at the deadline was still running when its listener failed. */
  private boolean exitedByItself(ExtensionProcess process) {
    lock.lock();
    try {
      return !process.killedAtDeadline && !process.killedWithoutShutdown;
    } finally {
      lock.unlock();
    }
  }

  private boolean shuttingDown() {
    lock.lock();
    try {
      return phase == Phase.SHUTDOWN || phase == Phase.CLOSED;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Holds deliveries from now on, before the last events of a phase are produced: Lambda freezes
   * right after platform.report, so that report only goes out after the thaw (reference emulator:
   * aws/aws-lambda-runtime-interface-emulator, internal/lambda/rapid/handlers.go, doInvoke).
   */
  void holdDeliveries() {
    if (settings.freeze()) {
      frozen = true;
    }
  }

  /** Stops every live extension process and its descendants (SIGSTOP). */
  void freeze() {
    if (!settings.freeze()) {
      return;
    }
    List<Long> pids = new ArrayList<>();
    for (ExtensionProcess process : processes.values()) {
      if (process.alive()) {
        Signals.tree(process.handle()).forEach(handle -> pids.add(handle.pid()));
      }
    }
    frozen = true;
    frozenPids = List.copyOf(pids);
    Signals.stop(frozenPids);
  }

  /** Continues what {@link #freeze()} stopped (SIGCONT) and lets deliveries resume. */
  void thaw() {
    if (!frozen) {
      return;
    }
    Signals.resume(frozenPids);
    frozenPids = List.of();
    frozen = false;
    bus.wakeAll();
  }

  /** Hands an event to an extension's pending /next; the caller holds the lock. */
  void enqueue(Extension ext, Map<String, Object> event) {
    ext.pending.add(event);
    changed.signalAll();
  }

  /** Deletes the temporary work folder when the run owns it (no work folder was given). */
  void removeWorkDir() {
    if (!settings.removeWorkDir()) {
      return;
    }
    try (Stream<Path> files = Files.walk(settings.workDir())) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException | UncheckedIOException e) {
      log.log(Level.WARNING, "could not delete the work folder {0}", settings.workDir(), e);
    }
  }

  void closeMirror() {
    synchronized (mirror) {
      try {
        mirror.close();
      } catch (IOException e) {
        log.log(Level.WARNING, "could not close extensions.log", e);
      }
    }
  }

  @Nullable Extension byName(String name) {
    return extensionsById.values().stream()
        .filter(e -> e.name.equals(name))
        .findFirst()
        .orElse(null);
  }
}
