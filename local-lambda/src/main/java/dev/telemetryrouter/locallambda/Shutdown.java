package dev.telemetryrouter.locallambda;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * SHUTDOWN with a real deadline (Lambda Extensions API, "Shutdown phase",
 * https://docs.aws.amazon.com/lambda/latest/dg/runtimes-extensions-api.html; reference emulator:
 * aws/aws-lambda-runtime-interface-emulator, internal/lambda/rapid/shutdown.go): thaw, hand
 * SHUTDOWN to the extensions that registered for it, SIGKILL the others at once, deliver what is
 * buffered, and SIGKILL whatever is still alive at the deadline.
 */
final class Shutdown {

  private static final System.Logger log = System.getLogger(Shutdown.class.getName());

  static final Set<String> REASONS = Set.of("spindown", "timeout", "failure");

  /** How long deliveries may still finish after the last extension exited. */
  private static final Duration DELIVERY_GRACE = Duration.ofMillis(500);

  private final Sandbox sandbox;
  private final ApiServer server;
  String reason = "";

  Shutdown(Sandbox sandbox, ApiServer server) {
    this.sandbox = sandbox;
    this.server = server;
  }

  /** Runs SHUTDOWN; false if the environment was already shut down. */
  boolean run(String requestedReason) throws InterruptedException {
    String lower = requestedReason.toLowerCase(Locale.ROOT);
    if (!REASONS.contains(lower)) {
      throw new IllegalArgumentException(
          "shutdown reason '" + requestedReason + "' is not one of spindown, timeout, failure");
    }
    sandbox.lock.lock();
    try {
      if (sandbox.phase == Sandbox.Phase.SHUTDOWN || sandbox.phase == Sandbox.Phase.CLOSED) {
        return false;
      }
      if (sandbox.phase == Sandbox.Phase.INVOKE) {
        throw new IllegalStateException("cannot shut down while an invocation runs");
      }
      sandbox.phase = Sandbox.Phase.SHUTDOWN;
      reason = lower;
    } finally {
      sandbox.lock.unlock();
    }
    sandbox.thaw();
    Instant deadline = sandbox.now().plus(sandbox.settings.shutdownTimeout());
    log.log(
        Level.INFO,
        "SHUTDOWN {0}, deadline in {1} ms",
        reason,
        Long.toString(sandbox.settings.shutdownTimeout().toMillis()));
    handOut(deadline);
    sandbox.bus.flushAll();
    awaitExits(deadline);
    awaitDeliveries();
    close();
    return true;
  }

  private void handOut(Instant deadline) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("eventType", "SHUTDOWN");
    event.put("shutdownReason", reason);
    event.put("deadlineMs", deadline.toEpochMilli());
    sandbox.lock.lock();
    try {
      for (ExtensionProcess process : sandbox.processes.values()) {
        Extension ext = sandbox.byName(process.fileName);
        if (ext != null && !ext.finished() && ext.takes("SHUTDOWN")) {
          sandbox.enqueue(ext, event);
        } else if (process.alive()) {
          // Without a SHUTDOWN registration the process is simply killed (emulator behaviour).
          process.killedWithoutShutdown = true;
          Signals.killTree(process.handle());
        }
      }
    } finally {
      sandbox.lock.unlock();
    }
  }

  private void awaitExits(Instant deadline) throws InterruptedException {
    List<ExtensionProcess> survivors;
    sandbox.lock.lock();
    try {
      sandbox.awaitUntil(
          () -> sandbox.processes.values().stream().noneMatch(ExtensionProcess::alive), deadline);
      survivors = sandbox.processes.values().stream().filter(ExtensionProcess::alive).toList();
      survivors.forEach(p -> p.killedAtDeadline = true);
    } finally {
      sandbox.lock.unlock();
    }
    for (ExtensionProcess process : survivors) {
      log.log(
          Level.WARNING,
          "extension={0} still alive at the SHUTDOWN deadline: SIGKILL",
          process.fileName);
      Signals.killTree(process.handle());
    }
    for (ExtensionProcess process : sandbox.processes.values()) {
      process.process().waitFor(2, TimeUnit.SECONDS);
      process.joinOutput(500);
    }
  }

  private void awaitDeliveries() throws InterruptedException {
    Instant until = sandbox.now().plus(DELIVERY_GRACE);
    sandbox.bus.flushAll();
    sandbox.lock.lock();
    try {
      sandbox.awaitUntil(sandbox.bus::allIdle, until);
    } finally {
      sandbox.lock.unlock();
    }
  }

  private void close() {
    sandbox.bus.subscribers().forEach(Subscriber::close);
    sandbox.lock.lock();
    try {
      sandbox.phase = Sandbox.Phase.CLOSED;
      sandbox.changed.signalAll();
    } finally {
      sandbox.lock.unlock();
    }
    server.stop();
    sandbox.delivery.close();
    sandbox.closeMirror();
    sandbox.removeWorkDir();
  }
}
