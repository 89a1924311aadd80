package dev.telemetryrouter.locallambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A running emulated Lambda execution environment. Build one with {@link #builder()}: {@code
 * start()} serves the APIs, launches the layer's extensions and returns when Init is over; then
 * {@link #invoke()} as often as needed, {@link #shutdown(String)} and {@link #report()}. Closing it
 * shuts down with reason {@code spindown} if that has not happened yet.
 */
public final class LocalLambda implements AutoCloseable {

  private final Sandbox sandbox;
  private final Lifecycle lifecycle;
  private final List<RunReport.InvocationReport> invocations = new ArrayList<>();

  LocalLambda(Sandbox sandbox, Lifecycle lifecycle) {
    this.sandbox = sandbox;
    this.lifecycle = lifecycle;
  }

  public static LocalLambdaBuilder builder() {
    return new LocalLambdaBuilder();
  }

  /** The command line: see {@link Cli} or run with {@code --help}. */
  public static void main(String[] args) {
    CliLogging logging = CliLogging.install(System.err);
    int code;
    try {
      code = Cli.run(args, System.out, System.err);
    } finally {
      logging.close();
    }
    System.exit(code);
  }

  /** The value extensions get as AWS_LAMBDA_RUNTIME_API: {@code 127.0.0.1:<port>}. */
  public String runtimeApi() {
    return "127.0.0.1:" + sandbox.apiPort;
  }

  public boolean initSucceeded() {
    return lifecycle.initSucceeded();
  }

  /** Invokes with the function source the builder was given. */
  public RunReport.InvocationReport invoke() {
    FunctionSource source = sandbox.settings.defaultFunction();
    if (source == null) {
      throw new IllegalStateException(
          "no function source: give the builder function(...) or call invoke(FunctionSource)");
    }
    return invoke(source);
  }

  /**
   * Runs one invocation and returns after platform.report was produced and the extensions were
   * frozen. A status other than success leads to SHUTDOWN with reason timeout or failure when the
   * builder's resetOnFailure is on (the default), which ends the run.
   */
  public RunReport.InvocationReport invoke(FunctionSource source) {
    RunReport.InvocationReport result;
    try {
      result = lifecycle.invoker().invoke(source);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during the invocation", e);
    }
    synchronized (invocations) {
      invocations.add(result);
    }
    if (!result.status().equals("success") && sandbox.settings.resetOnFailure()) {
      shutdown(result.status().equals("timeout") ? "timeout" : "failure");
    }
    return result;
  }

  /** SHUTDOWN with reason {@code spindown}. */
  public RunReport shutdown() {
    return shutdown("spindown");
  }

  /**
   * Sends SHUTDOWN ({@code spindown}, {@code timeout} or {@code failure}), waits for the extensions
   * to exit until the deadline, SIGKILLs what is left, writes the report file if one was configured
   * and returns the report. A second call only returns the report.
   */
  public RunReport shutdown(String reason) {
    try {
      if (lifecycle.shutdown().run(reason)) {
        writeReportFile();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during SHUTDOWN", e);
    }
    return report();
  }

  /** The report so far; complete after {@link #shutdown(String)}. */
  public RunReport report() {
    List<RunReport.InvocationReport> copy;
    synchronized (invocations) {
      copy = List.copyOf(invocations);
    }
    return ReportAssembler.assemble(sandbox, lifecycle, copy);
  }

  /** The {@code /extension/init/error} calls received. */
  public List<RunReport.ErrorCall> initErrors() {
    return report().errorCalls().stream().filter(c -> c.kind().equals("init")).toList();
  }

  /** The {@code /extension/exit/error} calls received. */
  public List<RunReport.ErrorCall> exitErrors() {
    return report().errorCalls().stream().filter(c -> c.kind().equals("exit")).toList();
  }

  /** Process ids of the launched extensions (the launcher processes, not their children). */
  public List<Long> extensionPids() {
    sandbox.lock.lock();
    try {
      return sandbox.processes.values().stream().map(ExtensionProcess::pid).toList();
    } finally {
      sandbox.lock.unlock();
    }
  }

  /**
   * Where extension output is mirrored: {@code <workDir>/extensions.log}. A temporary work folder
   * is deleted at shutdown unless the builder was told to keep it.
   */
  public Path extensionLog() {
    return sandbox.settings.workDir().resolve("extensions.log");
  }

  /** True when the work folder, and extensions.log in it, is left in place after shutdown. */
  public boolean workDirKept() {
    return !sandbox.settings.removeWorkDir();
  }

  public Duration functionTimeout() {
    return sandbox.settings.functionTimeout();
  }

  private void writeReportFile() {
    @Nullable Path file = sandbox.settings.reportFile();
    if (file == null) {
      return;
    }
    try {
      Path parent = Objects.requireNonNullElse(file.toAbsolutePath().getParent(), Path.of("."));
      Files.createDirectories(parent);
      Files.writeString(file, report().toJson() + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + file, e);
    }
  }

  @Override
  public void close() {
    shutdown("spindown");
  }
}
