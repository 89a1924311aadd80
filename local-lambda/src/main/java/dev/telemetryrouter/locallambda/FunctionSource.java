package dev.telemetryrouter.locallambda;

import java.nio.file.Path;

/** Where an invocation's function logs come from. */
public sealed interface FunctionSource {

  /**
   * A command run through {@code /bin/sh -c} once per invocation: its stdout and stderr lines
   * become {@code function} records, exit code 0 means success, any other code a failure, and
   * running past the function timeout a timeout.
   */
  record Command(String shellCommand) implements FunctionSource {}

  /**
   * A recorded file of JSON lines {@code {"time"?, "type", "record"}} replayed on every invocation.
   * Two directives are not delivered: {@code {"type":"emulator.status","record":"failure"}} (or
   * {@code "timeout"}) sets the outcome and {@code {"type":"emulator.sleep","record":MILLIS}}
   * waits.
   */
  record Events(Path file) implements FunctionSource {}

  static FunctionSource command(String shellCommand) {
    return new Command(shellCommand);
  }

  static FunctionSource events(Path file) {
    return new Events(file);
  }
}
