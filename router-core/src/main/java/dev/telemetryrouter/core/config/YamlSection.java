package dev.telemetryrouter.core.config;

import dev.telemetryrouter.spi.config.ConfigSection;
import dev.telemetryrouter.spi.config.Secret;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ConfigSection} over one interpolated YAML mapping. Every getter remembers the key it
 * was asked for, so that {@link #reportUnknownKeys()} can name the keys nobody reads, with the
 * known ones beside them. Problems go to the load's shared {@link Problems}.
 */
public final class YamlSection implements ConfigSection {

  private final String path;
  private final Map<String, @Nullable Object> map;
  private final Problems problems;
  private final Set<String> asked = new LinkedHashSet<>();
  private final List<YamlSection> children = new ArrayList<>();
  private Set<String> hiddenKeys = Set.of();
  private String reader = "";

  public YamlSection(String path, Map<String, @Nullable Object> map, Problems problems) {
    this.path = path;
    this.map = Collections.unmodifiableMap(new LinkedHashMap<>(map));
    this.problems = problems;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public Set<String> keys() {
    return map.keySet();
  }

  @Override
  public boolean has(String key) {
    asked.add(key);
    return map.containsKey(key);
  }

  @Override
  public String string(String key) {
    Object value = read(key);
    if (value == null || !Scalars.isScalar(value)) {
      problem(key, value, "a text value");
      return "";
    }
    return Scalars.text(value);
  }

  @Override
  public Optional<String> optionalString(String key) {
    Object value = read(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!Scalars.isScalar(value)) {
      problem(key, value, "a text value");
      return Optional.empty();
    }
    return Optional.of(Scalars.text(value));
  }

  @Override
  public String choice(String key, String defaultValue, List<String> allowed) {
    Object value = read(key);
    if (value == null) {
      return defaultValue;
    }
    if (Scalars.isScalar(value)) {
      String text = Scalars.text(value).strip();
      for (String option : allowed) {
        if (option.equalsIgnoreCase(text)) {
          return option;
        }
      }
    }
    problem(key, value, "one of: " + String.join(", ", allowed));
    return defaultValue;
  }

  @Override
  public long number(String key, long defaultValue, long min, long max) {
    String upper = max == Long.MAX_VALUE ? null : String.valueOf(max);
    return typed(
        key,
        defaultValue,
        value -> boxed(Scalars.wholeNumber(value)).filter(n -> n >= min && n <= max),
        "a whole number " + Scalars.range(String.valueOf(min), upper));
  }

  @Override
  public double decimal(String key, double defaultValue, double min, double max) {
    return typed(
        key,
        defaultValue,
        value ->
            Scalars.decimal(value).map(BigDecimal::doubleValue).filter(n -> n >= min && n <= max),
        "a number " + Scalars.range(Scalars.plain(min), Scalars.plain(max)));
  }

  @Override
  public boolean bool(String key, boolean defaultValue) {
    return typed(key, defaultValue, YamlSection::flag, "true or false");
  }

  @Override
  public long bytes(String key, long defaultBytes, long minBytes, long maxBytes) {
    String upper = maxBytes == Long.MAX_VALUE ? null : Units.formatBytes(maxBytes);
    return typed(
        key,
        defaultBytes,
        value ->
            boxed(
                    Scalars.isScalar(value)
                        ? Units.parseBytes(Scalars.text(value))
                        : OptionalLong.empty())
                .filter(n -> n >= minBytes && n <= maxBytes),
        "a size "
            + Scalars.range(Units.formatBytes(minBytes), upper)
            + ", such as 512, 256KB or 4MiB");
  }

  @Override
  public Duration duration(String key, Duration defaultValue, Duration min, Duration max) {
    return typed(
        key,
        defaultValue,
        value ->
            (Scalars.isScalar(value)
                    ? Units.parseDuration(Scalars.text(value))
                    : Optional.<Duration>empty())
                .filter(d -> d.compareTo(min) >= 0 && d.compareTo(max) <= 0),
        "a duration "
            + Scalars.range(Units.formatDuration(min), Units.formatDuration(max))
            + ", such as 250ms, 2s or 5m");
  }

  /** Reads {@code key}: the default when absent, the parsed value, or a problem and the default. */
  private <T> T typed(
      String key, T defaultValue, Function<Object, Optional<T>> parse, String expectation) {
    Object value = read(key);
    if (value == null) {
      return defaultValue;
    }
    Optional<T> parsed = parse.apply(value);
    if (parsed.isPresent()) {
      return parsed.get();
    }
    problem(key, value, expectation);
    return defaultValue;
  }

  private static Optional<Long> boxed(OptionalLong value) {
    return value.isPresent() ? Optional.of(value.getAsLong()) : Optional.empty();
  }

  private static Optional<Boolean> flag(Object value) {
    if (value instanceof Boolean flag) {
      return Optional.of(flag);
    }
    String text = Scalars.isScalar(value) ? Scalars.text(value).strip() : "";
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Optional.of(Boolean.parseBoolean(text.toLowerCase(Locale.ROOT)));
    }
    return Optional.empty();
  }

  @Override
  public List<String> strings(String key) {
    Object value = read(key);
    if (value == null) {
      return List.of();
    }
    if (Scalars.isScalar(value)) {
      return List.of(Scalars.text(value));
    }
    if (!(value instanceof List<?> list)) {
      problem(key, value, "a list of text values");
      return List.of();
    }
    List<String> result = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      if (item == null || !Scalars.isScalar(item)) {
        problems.add(pathOf(key) + "[" + i + "]", item, "a text value");
      } else {
        result.add(Scalars.text(item));
      }
    }
    return List.copyOf(result);
  }

  @Override
  public Map<String, String> stringMap(String key) {
    Object value = read(key);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> entries)) {
      problem(key, value, "a mapping of names to text values");
      return Map.of();
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : entries.entrySet()) {
      String name = String.valueOf(entry.getKey());
      Object item = entry.getValue();
      if (item == null || !Scalars.isScalar(item)) {
        problems.add(pathOf(key) + "." + name, item, "a text value");
      } else {
        result.put(name, Scalars.text(item));
      }
    }
    return Collections.unmodifiableMap(result);
  }

  @Override
  public Optional<Secret> secret(String key) {
    Optional<String> text = optionalString(key);
    text.ifPresent(problems::addSecret);
    return text.map(Secret::new);
  }

  @Override
  public ConfigSection section(String key) {
    return child(key);
  }

  /** {@link #section} with its concrete type, for the loader's own reading. */
  public YamlSection child(String key) {
    Object value = read(key);
    Map<String, @Nullable Object> content = Map.of();
    if (value instanceof Map<?, ?> nested) {
      content = Scalars.asMap(nested);
    } else if (value != null) {
      problem(key, value, "a mapping of keys to values");
    }
    return register(new YamlSection(pathOf(key), content, problems));
  }

  @Override
  public List<ConfigSection> sections(String key) {
    return List.copyOf(children(key));
  }

  /** {@link #sections} with the concrete type. */
  public List<YamlSection> children(String key) {
    Object value = read(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      problem(key, value, "a list of mappings");
      return List.of();
    }
    List<YamlSection> result = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      String itemPath = pathOf(key) + "[" + i + "]";
      if (list.get(i) instanceof Map<?, ?> nested) {
        result.add(register(new YamlSection(itemPath, Scalars.asMap(nested), problems)));
      } else {
        problems.add(itemPath, list.get(i), "a mapping of keys to values");
      }
    }
    return result;
  }

  @Override
  public @Nullable Object raw(String key) {
    return read(key);
  }

  @Override
  public void problem(String key, @Nullable Object value, String expectation) {
    problems.add(pathOf(key), value, expectation);
  }

  /**
   * A view at the same path without {@code hidden} keys, for a plugin that must not see the keys
   * the engine reads. The keys it shows count as known here; the view reports its own unknowns,
   * naming both the keys its reader (called {@code reader}, such as "the file sink") asked for and
   * the hidden ones, which are as valid at that place.
   */
  public YamlSection without(Set<String> hidden, String reader) {
    Map<String, @Nullable Object> visible = new LinkedHashMap<>(map);
    visible.keySet().removeAll(hidden);
    asked.addAll(visible.keySet());
    YamlSection view = new YamlSection(path, visible, problems);
    view.hiddenKeys = new TreeSet<>(hidden);
    view.reader = reader;
    return register(view);
  }

  /**
   * Counts every key here as known, for a mapping whose reader could not be found (an unknown
   * type): its keys are not the problem, the type is.
   */
  public void acceptAll() {
    asked.addAll(map.keySet());
  }

  /** Records a problem for every key no reader asked for, here and in every nested section. */
  public void reportUnknownKeys() {
    for (String key : map.keySet()) {
      if (!asked.contains(key)) {
        problem(key, map.get(key), knownKeys());
      }
    }
    for (YamlSection child : children) {
      child.reportUnknownKeys();
    }
  }

  private String knownKeys() {
    Set<String> known = new TreeSet<>(asked);
    known.removeAll(hiddenKeys);
    if (!hiddenKeys.isEmpty()) {
      String own = known.isEmpty() ? "none" : String.join(", ", known);
      return "one of "
          + reader
          + "'s options ("
          + own
          + ") or an engine key ("
          + String.join(", ", hiddenKeys)
          + ")";
    }
    return known.isEmpty() ? "no key here" : "one of the known keys: " + String.join(", ", known);
  }

  /** The shared problem list of this load. */
  public Problems problems() {
    return problems;
  }

  private @Nullable Object read(String key) {
    asked.add(key);
    return map.get(key);
  }

  private YamlSection register(YamlSection child) {
    children.add(child);
    return child;
  }
}
