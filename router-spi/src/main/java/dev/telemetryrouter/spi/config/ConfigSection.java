package dev.telemetryrouter.spi.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A typed, read-only view of one YAML mapping in {@code routing.yaml}, such as the options of the
 * sink at {@code sinks.archive}. Values have already been interpolated ({@code ${VAR}}, {@code
 * ${VAR:-default}}).
 *
 * <p>Reading never throws for bad input. A missing required key, a value of the wrong type or out
 * of range is recorded as a problem with its full key path, the value and the expectation, and the
 * getter returns the default (or an empty result), so that creation can go on and every problem in
 * the file is reported at once. The engine fails start-up after creation if any problem was
 * recorded; a plugin may also record its own problems with {@link #problem}.
 *
 * <p>Keys a plugin never reads are reported as unknown, so read every key you support, even when
 * its value is the default.
 *
 * <p>Human units: sizes as {@code 512}, {@code 256KB}, {@code 4MiB} (KB = 1,000 bytes, KiB = 1,024
 * bytes); durations as {@code 250ms}, {@code 2s}, {@code 5m}, {@code 1h}.
 *
 * <p>Not thread-safe: use it while creating the plugin, not afterwards.
 */
public interface ConfigSection {

  /** The key path of this mapping from the file's root, such as {@code sinks.archive}. */
  String path();

  /** The key path of {@code key} inside this mapping, such as {@code sinks.archive.stream}. */
  default String pathOf(String key) {
    return path().isEmpty() ? key : path() + "." + key;
  }

  /** The keys present in this mapping, in file order. */
  Set<String> keys();

  /** Whether {@code key} is present (even with a null value). */
  boolean has(String key);

  /** A required text value; records a problem and returns "" when missing or not a scalar. */
  String string(String key);

  /** An optional text value. */
  Optional<String> optionalString(String key);

  /** A text value that must be one of {@code allowed} (compared without regard to case). */
  String choice(String key, String defaultValue, List<String> allowed);

  /** A whole number within {@code [min, max]}. */
  long number(String key, long defaultValue, long min, long max);

  /** A fraction or decimal within {@code [min, max]}. */
  double decimal(String key, double defaultValue, double min, double max);

  /** A boolean ({@code true}/{@code false}). */
  boolean bool(String key, boolean defaultValue);

  /** A size in bytes within {@code [minBytes, maxBytes]}; see the class note for units. */
  long bytes(String key, long defaultBytes, long minBytes, long maxBytes);

  /** A duration within {@code [min, max]}; see the class note for units. */
  Duration duration(String key, Duration defaultValue, Duration min, Duration max);

  /** A list of text values; a single scalar reads as a list of one. */
  List<String> strings(String key);

  /** A mapping of text to text, such as HTTP headers. */
  Map<String, String> stringMap(String key);

  /**
   * A secret value (a token, a password): read like {@link #string} but masked whenever printed,
   * including in configuration errors.
   */
  Optional<Secret> secret(String key);

  /** A nested mapping; an empty section (with its path) when missing, a problem when not a map. */
  ConfigSection section(String key);

  /** A list of nested mappings, such as a list of stages; paths read {@code key[0]}, ... */
  List<ConfigSection> sections(String key);

  /** The raw value at {@code key} (String, Boolean, number, List, Map) or {@code null}. */
  @Nullable Object raw(String key);

  /**
   * Records a problem at {@code key}: {@code value} is shown as found (masked when secret), and
   * {@code expectation} says what would be accepted, such as "a stream name of 1 to 64 characters".
   */
  void problem(String key, @Nullable Object value, String expectation);
}
