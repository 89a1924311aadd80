package dev.telemetryrouter.locallambda;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Drives the phases of the emulated environment: Init (launch, register, subscribe, first /next),
 * invocations, and SHUTDOWN with its deadline. Platform events are emitted in the order the
 * reference emulator produces them (aws/aws-lambda-runtime-interface-emulator,
 * internal/lambda/rapid/handlers.go).
 */
final class Lifecycle {

  private static final System.Logger log = System.getLogger(Lifecycle.class.getName());

  private final Sandbox sandbox;
  private final Settings settings;
  private final ApiServer server;
  private final Invoker invoker;
  private final Shutdown shutdown;

  @Nullable Instant launchedAt;
  @Nullable Duration initDuration;
  String initStatus = "pending";
  @Nullable String initErrorType;

  Lifecycle(Sandbox sandbox) {
    this.sandbox = sandbox;
    this.settings = sandbox.settings;
    this.server = new ApiServer(sandbox);
    this.invoker = new Invoker(sandbox, this);
    this.shutdown = new Shutdown(sandbox, server);
  }

  Invoker invoker() {
    return invoker;
  }

  Shutdown shutdown() {
    return shutdown;
  }

  boolean initSucceeded() {
    return initStatus.equals("success");
  }

  /** Runs Init to its end: every launched extension registered and waiting in /next, or failed. */
  void init() throws InterruptedException {
    sandbox.apiPort = server.start();
    Instant start = sandbox.now();
    launchedAt = start;
    log.log(Level.INFO, "Lambda APIs on 127.0.0.1:{0}", Integer.toString(sandbox.apiPort));
    sandbox.bus.emit(
        TelemetryEvent.telemetryOnly(
            start, "platform.initStart", PlatformRecords.initStart(settings)));
    launchAll(LambdaEnvironment.forExtensions(settings, sandbox.apiPort));

    Instant deadline = start.plus(settings.initTimeout());
    boolean registered;
    boolean ready = false;
    sandbox.lock.lock();
    try {
      registered = sandbox.awaitUntil(this::allRegisteredOrGone, deadline);
    } finally {
      sandbox.lock.unlock();
    }
    // The runtime starts once every external extension registered (reference emulator,
    // internal/lambda/rapid/handlers.go, AwaitExternalAgentsRegistered); here it is emulated.
    sandbox.bus.emit(
        TelemetryEvent.telemetryOnly(
            sandbox.now(), "platform.initRuntimeDone", PlatformRecords.initPhase("success", null)));
    sandbox.lock.lock();
    try {
      if (registered) {
        ready = sandbox.awaitUntil(this::allDoneWithPhase, deadline);
      }
      if (registered && ready) {
        sandbox.holdDeliveries();
      }
      finishInit(registered && ready, start);
    } finally {
      sandbox.lock.unlock();
    }
    sandbox.bus.closeInit();
    if (initSucceeded()) {
      sandbox.freeze();
    }
  }

  private void finishInit(boolean inTime, Instant start) {
    initStatus = "success";
    for (Extension ext : sandbox.extensionsById.values()) {
      if (ext.errorType != null && initErrorType == null) {
        initStatus = "error";
        initErrorType = ext.errorType;
      }
    }
    if (initErrorType == null && !sandbox.launchErrors.isEmpty()) {
      initStatus = "error";
      initErrorType = "Extension.LaunchError";
    } else if (initErrorType == null && unregisteredExit()) {
      initStatus = "error";
      initErrorType = "Extension.Crash";
    } else if (initErrorType == null && !inTime) {
      initStatus = "timeout";
      initErrorType = "Sandbox.Timedout";
    }
    initDuration = Duration.between(start, sandbox.now());
    for (Extension ext : sandbox.extensionsById.values()) {
      sandbox.bus.emit(
          TelemetryEvent.fixed(
              sandbox.now(), "platform.extension", PlatformRecords.extension(ext)));
    }
    sandbox.bus.emit(
        TelemetryEvent.telemetryOnly(
            sandbox.now(),
            "platform.initReport",
            PlatformRecords.initReport(initStatus, initErrorType, initDuration)));
    sandbox.phase = Sandbox.Phase.IDLE;
    log.log(
        Level.INFO, "init {0} after {1} ms", initStatus, Long.toString(initDuration.toMillis()));
  }

  private boolean allRegisteredOrGone() {
    return sandbox.processes.values().stream()
        .allMatch(p -> p.exitCode != null || sandbox.byName(p.fileName) != null);
  }

  boolean allDoneWithPhase() {
    return sandbox.extensionsById.values().stream().allMatch(Extension::doneWithPhase);
  }

  private boolean unregisteredExit() {
    return sandbox.processes.values().stream()
        .anyMatch(p -> p.exitCode != null && sandbox.byName(p.fileName) == null);
  }

  /**
   * Starts every regular file directly in {@code extensions/}, in parallel, like Lambda (Lambda
   * extensions, https://docs.aws.amazon.com/lambda/latest/dg/lambda-extensions.html).
   */
  private void launchAll(Map<String, String> env) {
    Path folder = settings.layerDir().resolve("extensions");
    if (!Files.isDirectory(folder)) {
      log.log(Level.WARNING, "{0} does not exist: no extension to start", folder);
      return;
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      sandbox.launchErrors.add(folder + ": " + e.getMessage());
      return;
    }
    for (Path file : files) {
      launch(file, env);
    }
  }

  private void launch(Path file, Map<String, String> env) {
    String name = file.getFileName().toString();
    if (!Files.isExecutable(file)) {
      sandbox.launchErrors.add(name + ": the file is not executable (chmod 755 it)");
      return;
    }
    sandbox.lock.lock();
    try {
      ExtensionProcess process =
          ExtensionProcess.launch(file, env, settings.layerDir(), sandbox.now(), sandbox::onOutput);
      sandbox.processes.put(name, process);
      process.process().onExit().thenAccept(p -> sandbox.onExit(process, p.exitValue()));
      log.log(Level.INFO, "extension={0} started, pid {1}", name, Long.toString(process.pid()));
    } catch (RuntimeException e) {
      sandbox.launchErrors.add(name + ": " + e.getMessage());
    } finally {
      sandbox.lock.unlock();
    }
  }
}
