package dev.telemetryrouter.core.lambda;

import dev.telemetryrouter.core.config.ExtensionSettings;
import dev.telemetryrouter.core.engine.FlushReport;
import dev.telemetryrouter.core.engine.RecordRouter;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The Invoke and Shutdown phases: {@code /next}, then per INVOKE wait for the request's {@code
 * platform.runtimeDone}, flush, and call {@code /next} again; at SHUTDOWN, drain and return.
 *
 * <p>It returns only at SHUTDOWN (0) or when the platform API itself fails (1, after {@code
 * /exit/error}): any other exit counts as a crash and fails the invocation (AWS's reference
 * emulator, aws/aws-lambda-runtime-interface-emulator: internal/lambda/fatalerror/fatalerror.go and
 * internal/lambda/rapid/handlers.go), so a failure while handling one event is logged and the loop
 * goes on.
 */
final class LifecycleLoop {

  private static final System.Logger log = System.getLogger(LifecycleLoop.class.getName());

  /**
   * The longest wait at SHUTDOWN for the last invocation's {@code platform.report}, which Lambda
   * emits only after every extension called {@code /next} (AWS's reference emulator,
   * internal/lambda/rapid/handlers.go). Datadog waits up to 300 ms
   * (DataDog/datadog-lambda-extension, bottlecap/src/bin/bottlecap/main.rs); Elastic measured at
   * most 40 ms (elastic/apm-aws-lambda#347).
   */
  static final Duration LAST_TELEMETRY_WAIT = Duration.ofMillis(300);

  /**
   * The whole SHUTDOWN window with an external extension, used when no deadline came (Lambda
   * execution environment lifecycle, "Shutdown phase",
   * https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html).
   */
  static final Duration SHUTDOWN_WINDOW = Duration.ofSeconds(2);

  private final ExtensionsApiClient client;
  private final RecordRouter router;
  private final DeliveryQueue intake;
  private final RecordAssembler assembler;
  private final InvocationTracker tracker;
  private final ExtensionSettings settings;
  private final boolean telemetryExpected;
  private final InstantSource clock;
  private final Runnable onExit;
  private @Nullable String lastRequestId;

  /**
   * @param telemetryExpected whether platform events will be delivered (subscribed to {@code
   *     platform}, and the platform supports the API); else nothing waits for them
   * @param onExit releases the listener before the loop returns
   */
  LifecycleLoop(
      ExtensionsApiClient client,
      RecordRouter router,
      DeliveryQueue intake,
      RecordAssembler assembler,
      InvocationTracker tracker,
      ExtensionSettings settings,
      boolean telemetryExpected,
      InstantSource clock,
      Runnable onExit) {
    this.client = client;
    this.router = router;
    this.intake = intake;
    this.assembler = assembler;
    this.tracker = tracker;
    this.settings = settings;
    this.telemetryExpected = telemetryExpected;
    this.clock = clock;
    this.onExit = onExit;
  }

  /** Runs until SHUTDOWN; returns the process exit code. */
  int run() throws InterruptedException {
    while (true) {
      LifecycleEvent event;
      try {
        event = client.next();
      } catch (java.io.IOException e) {
        return fatal("Extension.NextFailed", "the Extensions API event/next call failed", e);
      }

      try {
        switch (event) {
          case LifecycleEvent.Invoke invoke -> onInvoke(invoke);
          case LifecycleEvent.Shutdown shutdown -> {
            return onShutdown(shutdown);
          }
          case LifecycleEvent.Other other ->
              log.log(Level.WARNING, "ignored an unknown event type {0}", other.eventType());
        }
      } catch (RuntimeException e) {
        log.log(Level.ERROR, "handling a lifecycle event failed; carrying on", e);
      } catch (Error e) {
        // Out of memory or a linkage failure: the process cannot go on, so say why before exiting.
        return fatal("Extension.Failed", "the extension failed while handling an event", e);
      }
    }
  }

  private void onInvoke(LifecycleEvent.Invoke invoke) throws InterruptedException {
    Instant now = clock.instant();
    String requestId = invoke.requestId();
    assembler.invocationStarted(requestId);
    lastRequestId = requestId;

    Instant deadline =
        invoke.deadline().equals(Instant.EPOCH)
            ? now.plus(settings.runtimeDoneWait())
            : invoke.deadline().minus(settings.shutdownMargin());
    if (telemetryExpected) {
      Instant waitUntil = min(now.plus(settings.runtimeDoneWait()), deadline);
      if (!tracker.awaitRuntimeDone(requestId, waitUntil)) {
        log.log(
            Level.WARNING,
            "invoke: platform.runtimeDone did not arrive within {0} ms; flushing what arrived",
            Duration.between(now, waitUntil).toMillis());
      }
    }

    FlushReport report = router.endOfInvocation(deadline);
    if (!report.drained()) {
      log.log(Level.WARNING, "invoke: end-of-invocation flush left records pending: {0}", report);
    }
  }

  private int onShutdown(LifecycleEvent.Shutdown shutdown) throws InterruptedException {
    Instant now = clock.instant();
    Instant hardStop =
        shutdown.deadline().equals(Instant.EPOCH) ? now.plus(SHUTDOWN_WINDOW) : shutdown.deadline();
    Instant deadline = hardStop.minus(settings.shutdownMargin());
    log.log(
        Level.INFO,
        "shutdown reason={0}, {1} ms to the deadline",
        shutdown.reason().toLowerCase(Locale.ROOT),
        Duration.between(now, hardStop).toMillis());

    try {
      awaitLastTelemetry(now, deadline);
      intake.stopRouting(deadline);
      // The router writes the accounts' summary line as it shuts down; this adds the intake's.
      FlushReport report = router.shutdown(deadline);
      log.log(
          Level.INFO,
          "intake {0} final_flush_drained={1}",
          intake.counters().summary(),
          report.drained());
    } catch (RuntimeException e) {
      log.log(Level.ERROR, "the final flush failed; records still buffered are lost", e);
    }
    onExit.run();
    return 0;
  }

  /**
   * The last invocation's {@code platform.report} and any records still in Lambda's buffer arrive
   * now (elastic/apm-aws-lambda#347); wait for them a short, bounded time.
   */
  private void awaitLastTelemetry(Instant now, Instant deadline) throws InterruptedException {
    if (!telemetryExpected) {
      return;
    }
    Duration quarter = Duration.between(now, deadline).dividedBy(4);
    Instant waitUntil = min(now.plus(min(LAST_TELEMETRY_WAIT, quarter)), deadline);
    if (lastRequestId != null && !tracker.awaitReport(lastRequestId, waitUntil)) {
      log.log(Level.WARNING, "shutdown: the last invocation''s platform.report did not arrive");
    }
    tracker.awaitQuiet(settings.buffering().timeout().plusMillis(25), waitUntil);
  }

  private int fatal(String errorType, String message, Throwable cause) throws InterruptedException {
    log.log(Level.ERROR, "{0}: {1}; flushing and exiting", errorType, message, cause);
    try {
      Instant until = clock.instant().plus(SHUTDOWN_WINDOW);
      intake.stopRouting(until);
      router.shutdown(until);
      client.exitError(errorType, message + ": " + cause, cause);
    } catch (java.io.IOException | RuntimeException e) {
      log.log(Level.ERROR, "reporting the fatal error to the platform failed", e);
    }
    onExit.run();
    return 1;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }
}
