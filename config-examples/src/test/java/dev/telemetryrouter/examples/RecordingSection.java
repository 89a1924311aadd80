package dev.telemetryrouter.examples;

import dev.telemetryrouter.spi.config.ConfigSection;
import dev.telemetryrouter.spi.config.Secret;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ConfigSection} that holds nothing and notes every key a plugin asks about, so a test can
 * compare the options a provider reads with those the schema lists. {@link #has} answers true so
 * that options read only when present are asked for too; {@link #choice} answers a value given in
 * {@code overrides}, so that options read only for one choice (an HTTP format's) are found. Nested
 * sections record nothing: only the plugin's own top-level keys are compared.
 */
final class RecordingSection implements ConfigSection {

  private final String path;
  private final @Nullable Set<String> keysRead;
  private final Map<String, String> overrides;
  private final Map<String, List<String>> choices;

  private RecordingSection(
      String path,
      @Nullable Set<String> keysRead,
      Map<String, String> overrides,
      Map<String, List<String>> choices) {
    this.path = path;
    this.keysRead = keysRead;
    this.overrides = overrides;
    this.choices = choices;
  }

  /** A root section at {@code path}, answering {@code overrides} to {@link #choice}. */
  static RecordingSection root(String path, Map<String, String> overrides) {
    return new RecordingSection(
        path, new LinkedHashSet<>(), Map.copyOf(overrides), new LinkedHashMap<>());
  }

  /** The top-level keys asked about, in order. */
  Set<String> keysRead() {
    return keysRead == null ? Set.of() : Set.copyOf(keysRead);
  }

  /** The choices asked for, by key, with their allowed values. */
  Map<String, List<String>> choices() {
    return Map.copyOf(choices);
  }

  private void note(String key) {
    if (keysRead != null) {
      keysRead.add(key);
    }
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public Set<String> keys() {
    return Set.of();
  }

  @Override
  public boolean has(String key) {
    note(key);
    return true;
  }

  @Override
  public String string(String key) {
    note(key);
    return overrides.getOrDefault(key, "");
  }

  @Override
  public Optional<String> optionalString(String key) {
    note(key);
    return Optional.ofNullable(overrides.get(key));
  }

  @Override
  public String choice(String key, String defaultValue, List<String> allowed) {
    note(key);
    if (keysRead != null) {
      choices.put(key, List.copyOf(allowed));
    }
    return overrides.getOrDefault(key, defaultValue);
  }

  @Override
  public long number(String key, long defaultValue, long min, long max) {
    note(key);
    return defaultValue;
  }

  @Override
  public double decimal(String key, double defaultValue, double min, double max) {
    note(key);
    return defaultValue;
  }

  @Override
  public boolean bool(String key, boolean defaultValue) {
    note(key);
    return defaultValue;
  }

  @Override
  public long bytes(String key, long defaultBytes, long minBytes, long maxBytes) {
    note(key);
    return defaultBytes;
  }

  @Override
  public Duration duration(String key, Duration defaultValue, Duration min, Duration max) {
    note(key);
    return defaultValue;
  }

  @Override
  public List<String> strings(String key) {
    note(key);
    return List.of();
  }

  @Override
  public Map<String, String> stringMap(String key) {
    note(key);
    return Map.of();
  }

  @Override
  public Optional<Secret> secret(String key) {
    note(key);
    return Optional.empty();
  }

  @Override
  public ConfigSection section(String key) {
    note(key);
    return new RecordingSection(pathOf(key), null, Map.of(), choices);
  }

  @Override
  public List<ConfigSection> sections(String key) {
    note(key);
    return List.of();
  }

  @Override
  public @Nullable Object raw(String key) {
    note(key);
    return null;
  }

  @Override
  public void problem(String key, @Nullable Object value, String expectation) {}
}
