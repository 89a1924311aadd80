package dev.telemetryrouter.locallambda;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One invocation in the order of AWS's reference emulator
 * (aws/aws-lambda-runtime-interface-emulator, internal/lambda/rapid/handlers.go, doInvoke): thaw,
 * platform.start and INVOKE together, the function's lines, platform.runtimeDone, the wait for
 * every extension's /next, platform.report, freeze.
 */
final class Invoker {

  private static final System.Logger log = System.getLogger(Invoker.class.getName());

  private final Sandbox sandbox;
  private final Lifecycle lifecycle;
  private final Settings settings;
  private final FunctionRunner runner;
  private boolean initReported;

  /** Extensions that had failed (crash, exit error) before the current invocation began. */
  private Set<String> failedBefore = Set.of();

  Invoker(Sandbox sandbox, Lifecycle lifecycle) {
    this.sandbox = sandbox;
    this.lifecycle = lifecycle;
    this.settings = sandbox.settings;
    this.runner =
        new FunctionRunner(settings, LambdaEnvironment.forFunction(settings), sandbox.bus::emit);
  }

  RunReport.InvocationReport invoke(FunctionSource source) throws InterruptedException {
    sandbox.lock.lock();
    try {
      if (!lifecycle.initSucceeded() || sandbox.phase != Sandbox.Phase.IDLE) {
        throw new IllegalStateException(
            "cannot invoke: init " + lifecycle.initStatus + ", phase " + sandbox.phase);
      }
      sandbox.phase = Sandbox.Phase.INVOKE;
      failedBefore = failedExtensions().keySet();
    } finally {
      sandbox.lock.unlock();
    }
    String requestId = sandbox.newId();
    Instant start = sandbox.now();
    Instant deadline = start.plus(settings.functionTimeout());
    sandbox.thaw();
    sandbox.bus.emit(
        TelemetryEvent.fixed(
            start, "platform.start", PlatformRecords.start(requestId, settings.functionVersion())));
    handOut(invokeEvent(requestId, deadline));

    FunctionRunner.Outcome outcome;
    try {
      outcome = runner.run(source, requestId, deadline);
    } catch (RuntimeException e) {
      // A bad events file or an unstartable command: leave the phase so SHUTDOWN still works.
      setPhase(Sandbox.Phase.IDLE);
      throw e;
    }
    Instant runtimeDone = sandbox.now();
    emitRuntimeDone(requestId, outcome, start, runtimeDone);
    return finish(requestId, outcome, start, deadline, runtimeDone);
  }

  private Map<String, Object> invokeEvent(String requestId, Instant deadline) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("eventType", "INVOKE");
    event.put("deadlineMs", deadline.toEpochMilli());
    event.put("requestId", requestId);
    event.put("invokedFunctionArn", settings.functionArn());
    event.put(
        "tracing",
        Map.of(
            "type",
            "X-Amzn-Trace-Id",
            "value",
            "Root=1-"
                + requestId.substring(0, 8)
                + "-"
                + requestId.replace("-", "").substring(8)
                + ";Sampled=0"));
    return event;
  }

  private void handOut(Map<String, Object> event) {
    sandbox.lock.lock();
    try {
      for (Extension ext : sandbox.extensionsById.values()) {
        if (!ext.finished() && ext.takes("INVOKE")) {
          sandbox.enqueue(ext, event);
        }
      }
    } finally {
      sandbox.lock.unlock();
    }
  }

  private void emitRuntimeDone(
      String requestId, FunctionRunner.Outcome outcome, Instant start, Instant done) {
    Map<String, Object> full =
        PlatformRecords.runtimeDone(requestId, outcome, start, Duration.between(start, done));
    Map<String, Object> logs = PlatformRecords.logsRuntimeDone(requestId, outcome.status());
    sandbox.bus.emit(
        new TelemetryEvent(
            done,
            "platform.runtimeDone",
            d -> d.api() == Dialect.Api.TELEMETRY ? full : d.logsRuntimeDone() ? logs : null));
    // The Logs API also has platform.end, which the Telemetry API dropped (Lambda Logs API,
    // https://docs.aws.amazon.com/lambda/latest/dg/runtimes-logs-api.html).
    Map<String, Object> end = Map.of("requestId", requestId);
    sandbox.bus.emit(
        new TelemetryEvent(done, "platform.end", d -> d.api() == Dialect.Api.LOGS ? end : null));
  }

  private RunReport.InvocationReport finish(
      String requestId,
      FunctionRunner.Outcome outcome,
      Instant start,
      Instant deadline,
      Instant runtimeDone)
      throws InterruptedException {
    String status = outcome.status();
    String errorType = outcome.errorType();
    Map<String, Duration> held = new LinkedHashMap<>();
    sandbox.lock.lock();
    try {
      boolean allDone = sandbox.awaitUntil(lifecycle::allDoneWithPhase, deadline);
      for (Extension ext : sandbox.extensionsById.values()) {
        if (ext.takes("INVOKE")
            && !ext.finished()
            && ext.doneWithPhase()
            && ext.lastNextAt != null) {
          Duration d = Duration.between(runtimeDone, ext.lastNextAt);
          held.put(ext.name, d.isNegative() ? Duration.ZERO : d);
        }
      }
      Map<String, String> failed = failedExtensions();
      failed.keySet().removeAll(failedBefore);
      if (status.equals("success") && !allDone) {
        status = "timeout";
        errorType = "Sandbox.Timedout";
      } else if (status.equals("success") && !failed.isEmpty()) {
        // An extension that exits during an invocation fails it, and a reset follows (reference
        // emulator: aws/aws-lambda-runtime-interface-emulator, internal/lambda/rapid/handlers.go,
        // watchEvents).
        status = "failure";
        errorType = failed.values().iterator().next();
      }
    } finally {
      sandbox.lock.unlock();
    }
    Instant done = sandbox.now();
    sandbox.holdDeliveries();
    emitReport(requestId, status, errorType, start, runtimeDone, done);
    RunReport.InvocationReport report =
        new RunReport.InvocationReport(
            requestId,
            status,
            errorType,
            Duration.between(start, runtimeDone),
            Duration.between(start, done),
            Map.copyOf(held));
    log.log(Level.INFO, "invocation {0} {1}", requestId, status);
    setPhase(Sandbox.Phase.IDLE);
    sandbox.freeze();
    return report;
  }

  private void setPhase(Sandbox.Phase phase) {
    sandbox.lock.lock();
    try {
      sandbox.phase = phase;
    } finally {
      sandbox.lock.unlock();
    }
  }

  /** Extension name to error type, for every extension that crashed or reported an error. */
  private Map<String, String> failedExtensions() {
    Map<String, String> failed = new LinkedHashMap<>();
    for (Extension ext : sandbox.extensionsById.values()) {
      if (ext.errorType != null) {
        failed.put(ext.name, ext.errorType);
      }
    }
    return failed;
  }

  /**
   * platform.report is produced only after every extension called /next (reference emulator:
   * aws/aws-lambda-runtime-interface-emulator, internal/lambda/rapid/handlers.go, doInvoke).
   */
  private void emitReport(
      String requestId,
      String status,
      @Nullable String errorType,
      Instant start,
      Instant runtimeDone,
      Instant done) {
    Duration initDuration = initReported ? null : lifecycle.initDuration;
    initReported = true;
    Map<String, Object> record =
        PlatformRecords.report(
            requestId,
            status,
            errorType,
            Duration.between(start, done),
            settings.memoryMb(),
            Memory.peakMb(pids()),
            initDuration,
            runtimeDone,
            Duration.between(runtimeDone, done));
    sandbox.bus.emit(TelemetryEvent.fixed(done, "platform.report", record));
  }

  private List<Long> pids() {
    sandbox.lock.lock();
    try {
      return sandbox.processes.values().stream()
          .filter(ExtensionProcess::alive)
          .map(ExtensionProcess::pid)
          .toList();
    } finally {
      sandbox.lock.unlock();
    }
  }
}
