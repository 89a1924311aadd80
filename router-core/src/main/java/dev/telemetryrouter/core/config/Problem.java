package dev.telemetryrouter.core.config;

import java.util.Objects;

/**
 * One mistake in the configuration, already rendered for a person as {@code <key path>: <bad value>
 * — expected <expectation>}. Secrets in the value have been masked by {@link Problems}.
 *
 * @param path the key path from the file's root, such as {@code sinks.archive.batch.max_bytes}
 * @param value the value as found, rendered and masked, such as {@code '8MiB'} or {@code (missing)}
 * @param expectation what would have been accepted
 */
public record Problem(String path, String value, String expectation) {

  public Problem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(expectation, "expectation");
  }

  /** The line as printed: {@code path: value — expected expectation}. */
  @Override
  public String toString() {
    return path + ": " + value + " — expected " + expectation;
  }
}
