package dev.telemetryrouter.locallambda;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs the function part of one invocation and turns its output into {@code function} events:
 * either a real child process or a recorded events file.
 */
final class FunctionRunner {

  /** How the "runtime" finished: status {@code success}, {@code failure} or {@code timeout}. */
  record Outcome(String status, @Nullable String errorType, long producedBytes) {
    static final Outcome SUCCESS = new Outcome("success", null, 0);
    static final Outcome TIMEOUT = new Outcome("timeout", "Sandbox.Timedout", 0);
    static final Outcome FAILURE = new Outcome("failure", "Runtime.ExitError", 0);
  }

  private final Settings settings;
  private final Map<String, String> environment;
  private final Consumer<TelemetryEvent> emit;

  FunctionRunner(
      Settings settings, Map<String, String> environment, Consumer<TelemetryEvent> emit) {
    this.settings = settings;
    this.environment = environment;
    this.emit = emit;
  }

  Outcome run(FunctionSource source, String requestId, Instant deadline)
      throws InterruptedException {
    return switch (source) {
      case FunctionSource.Command command -> runCommand(command, requestId, deadline);
      case FunctionSource.Events events -> replay(events.file(), deadline);
    };
  }

  private void line(String text) {
    Instant time = settings.clock().instant();
    emit.accept(
        new TelemetryEvent(time, "function", new LogLine(text, settings.logFormat(), time)));
  }

  private Outcome runCommand(FunctionSource.Command command, String requestId, Instant deadline)
      throws InterruptedException {
    // One pipe for both streams, as Lambda gives the runtime one log stream: lines keep the order
    // in which the process wrote them. A process that buffers stdout when it is not a terminal
    // still writes it in blocks; no reader can undo that.
    ProcessBuilder builder =
        new ProcessBuilder("/bin/sh", "-c", command.shellCommand())
            .redirectErrorStream(true)
            .directory(settings.workDir().toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder.environment().clear();
    builder.environment().putAll(environment);
    builder.environment().put("LOCAL_LAMBDA_REQUEST_ID", requestId);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the function command", e);
    }
    Thread pump = pump(process.getInputStream());
    Duration left = Duration.between(settings.clock().instant(), deadline);
    boolean exited = process.waitFor(Math.max(0, left.toMillis()), TimeUnit.MILLISECONDS);
    if (!exited) {
      Signals.killTree(process.toHandle());
      process.waitFor(2, TimeUnit.SECONDS);
    }
    // Bounded: a grandchild that keeps the pipe open must not hold the invocation.
    pump.join(Duration.ofSeconds(2));
    if (!exited) {
      return Outcome.TIMEOUT;
    }
    return process.exitValue() == 0 ? Outcome.SUCCESS : Outcome.FAILURE;
  }

  private Thread pump(InputStream in) {
    return Thread.ofPlatform()
        .daemon()
        .name("function-output")
        .start(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                  line(text);
                }
              } catch (IOException e) {
                // The pipe closed: the function process is gone.
              }
            });
  }

  private Outcome replay(Path file, Instant deadline) throws InterruptedException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the events file " + file, e);
    }
    Outcome outcome = Outcome.SUCCESS;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      Map<String, Object> json = Json.parseObjectOrNull(lines.get(i));
      Object type = json == null ? null : json.get("type");
      Object record = json == null ? null : json.get("record");
      if (!(type instanceof String t) || record == null) {
        throw new IllegalArgumentException(
            file + ":" + (i + 1) + ": expected a JSON object {\"time\"?, \"type\", \"record\"}");
      }
      switch (t) {
        case "emulator.status" -> outcome = outcome(String.valueOf(record), file, i + 1);
        case "emulator.sleep" -> {
          if (!sleep(record, deadline)) {
            return Outcome.TIMEOUT;
          }
        }
        case "function", "extension" -> emitLine(t, record, json.get("time"));
        default -> emit.accept(TelemetryEvent.fixed(time(json.get("time")), t, record));
      }
    }
    return settings.clock().instant().isAfter(deadline) ? Outcome.TIMEOUT : outcome;
  }

  private void emitLine(String type, Object record, @Nullable Object rawTime) {
    String text = record instanceof String s ? s : Json.write(record);
    if (text.endsWith("\n")) {
      text = text.substring(0, text.length() - 1);
    }
    Instant time = time(rawTime);
    emit.accept(new TelemetryEvent(time, type, new LogLine(text, settings.logFormat(), time)));
  }

  private Instant time(@Nullable Object raw) {
    if (raw instanceof String s) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e) {
        // Recorded times are informative only; an unparsable one becomes "now".
      }
    }
    return settings.clock().instant();
  }

  private static Outcome outcome(String status, Path file, int line) {
    return switch (status) {
      case "success" -> Outcome.SUCCESS;
      case "failure" -> Outcome.FAILURE;
      case "timeout" -> Outcome.TIMEOUT;
      default ->
          throw new IllegalArgumentException(
              file
                  + ":"
                  + line
                  + ": emulator.status '"
                  + status
                  + "' is not one of success, failure, timeout");
    };
  }

  /** Sleeps for a recorded pause; false when the deadline came first. */
  private boolean sleep(Object millis, Instant deadline) throws InterruptedException {
    long wanted = millis instanceof Long n ? n : 0;
    long left = Duration.between(settings.clock().instant(), deadline).toMillis();
    Thread.sleep(Math.max(0, Math.min(wanted, left)));
    return wanted <= left;
  }
}
