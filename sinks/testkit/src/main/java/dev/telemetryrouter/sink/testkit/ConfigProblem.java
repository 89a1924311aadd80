package dev.telemetryrouter.sink.testkit;

import java.util.Objects;

/**
 * One problem a {@link MapConfigSection} recorded.
 *
 * @param path the full key path, such as {@code sinks.out.max_file_bytes}
 * @param shownValue the value as it would be printed (masked for secrets), or {@code <missing>}
 * @param expectation what would have been accepted
 */
public record ConfigProblem(String path, String shownValue, String expectation) {

  /** Shown when the key was absent or null. */
  public static final String MISSING = "<missing>";

  public ConfigProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(shownValue, "shownValue");
    Objects.requireNonNull(expectation, "expectation");
  }

  /** One line, as a configuration error would print it: path, value, expectation. */
  @Override
  public String toString() {
    return path + ": " + shownValue + " is not valid: expected " + expectation;
  }
}
