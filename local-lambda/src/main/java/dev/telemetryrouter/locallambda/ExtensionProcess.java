package dev.telemetryrouter.locallambda;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One extension executable started from the layer's {@code extensions/} folder. */
final class ExtensionProcess {

  /** Receives each output line of an extension process. */
  @FunctionalInterface
  interface OutputSink {
    void line(ExtensionProcess source, String stream, String line);
  }

  final String fileName;
  final Path file;
  final Instant launchedAt;
  private final Process process;
  private final List<Thread> pumps;

  /** Set once, when the process exits; guarded by the {@link Sandbox} lock. */
  @Nullable Integer exitCode;

  @Nullable Instant exitedAt;
  boolean killedAtDeadline;
  boolean killedWithoutShutdown;

  private ExtensionProcess(Path file, Instant launchedAt, Process process, OutputSink sink) {
    this.fileName = file.getFileName().toString();
    this.file = file;
    this.launchedAt = launchedAt;
    this.process = process;
    this.pumps =
        List.of(
            pump(process.getInputStream(), "stdout", sink),
            pump(process.getErrorStream(), "stderr", sink));
  }

  /** Starts the executable with exactly the given environment, in the layer folder. */
  static ExtensionProcess launch(
      Path file, Map<String, String> env, Path workingDir, Instant now, OutputSink sink) {
    ProcessBuilder builder = new ProcessBuilder(file.toString()).directory(workingDir.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    try {
      return new ExtensionProcess(file, now, builder.start(), sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Thread pump(InputStream in, String stream, OutputSink sink) {
    return Thread.ofPlatform()
        .daemon()
        .name("output-" + fileName + "-" + stream)
        .start(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                  sink.line(this, stream, line);
                }
              } catch (IOException e) {
                // The pipe closes when the process dies; nothing is left to read.
              }
            });
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  long pid() {
    return process.pid();
  }

  Process process() {
    return process;
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Waits a little for the output pumps, so the last lines are captured before reporting. */
  void joinOutput(long millis) throws InterruptedException {
    for (Thread pump : pumps) {
      pump.join(millis);
    }
  }
}
