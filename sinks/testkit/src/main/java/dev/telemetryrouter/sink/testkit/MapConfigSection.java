package dev.telemetryrouter.sink.testkit;

import dev.telemetryrouter.spi.config.ConfigSection;
import dev.telemetryrouter.spi.config.Secret;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ConfigSection} over an in-memory map, shaped as SnakeYAML would load the YAML: {@link
 * String}, {@link Boolean}, {@link Integer}/{@link Long}/{@link BigInteger}, {@link Double}, {@link
 * List}, {@link Map}, or {@code null}. Since values reach plugins after {@code ${VAR}}
 * interpolation, every getter also accepts the text form ({@code "42"}, {@code "true"}).
 *
 * <p>It follows the contract honestly: bad input never throws, every problem is collected with its
 * full key path (see {@link #problems()}), and keys that were never read are reported by {@link
 * #unknownKeys()}. Nested sections share the root's problem list.
 */
public final class MapConfigSection implements ConfigSection {

  private final String path;
  private final Map<String, @Nullable Object> values;
  private final List<ConfigProblem> problems;
  private final Set<String> readKeys = new HashSet<>();
  private final Set<String> secretKeys = new HashSet<>();
  private final Map<String, List<MapConfigSection>> children = new LinkedHashMap<>();

  private MapConfigSection(
      String path, Map<String, @Nullable Object> values, List<ConfigProblem> problems) {
    this.path = path;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.problems = problems;
  }

  /** A root section at {@code path} (such as {@code sinks.out}) over {@code values}. */
  public static MapConfigSection of(String path, Map<String, ? extends @Nullable Object> values) {
    Map<String, @Nullable Object> copy = new LinkedHashMap<>(values);
    return new MapConfigSection(path, copy, new ArrayList<>());
  }

  /** Every problem recorded so far, by this section, its nested sections or the plugin. */
  public List<ConfigProblem> problems() {
    return List.copyOf(problems);
  }

  /** The full paths of keys present but never read, nested sections included, in file order. */
  public List<String> unknownKeys() {
    List<String> unknown = new ArrayList<>();
    for (String key : values.keySet()) {
      if (!readKeys.contains(key)) {
        unknown.add(pathOf(key));
      } else if (children.containsKey(key)) {
        children.get(key).forEach(child -> unknown.addAll(child.unknownKeys()));
      }
    }
    return unknown;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public Set<String> keys() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(values.keySet()));
  }

  @Override
  public boolean has(String key) {
    return values.containsKey(key);
  }

  @Override
  public String string(String key) {
    Object value = read(key);
    if (value == null || !isScalar(value)) {
      problem(key, value, "a text value");
      return "";
    }
    return scalarText(value);
  }

  @Override
  public Optional<String> optionalString(String key) {
    Object value = read(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!isScalar(value)) {
      problem(key, value, "a text value");
      return Optional.empty();
    }
    return Optional.of(scalarText(value));
  }

  @Override
  public String choice(String key, String defaultValue, List<String> allowed) {
    Object value = read(key);
    if (value == null) {
      return defaultValue;
    }
    if (isScalar(value)) {
      String text = scalarText(value);
      for (String option : allowed) {
        if (option.equalsIgnoreCase(text)) {
          return option;
        }
      }
    }
    problem(key, value, "one of " + String.join(", ", allowed));
    return defaultValue;
  }

  @Override
  public long number(String key, long defaultValue, long min, long max) {
    Object value = read(key);
    if (value == null) {
      return defaultValue;
    }
    BigDecimal number = decimalOf(value);
    String expectation = "a whole number from " + min + " to " + max;
    try {
      long whole = number == null ? defaultValue : number.longValueExact();
      if (number != null && whole >= min && whole <= max) {
        return whole;
      }
    } catch (ArithmeticException notWhole) {
      // Falls through to the problem below: a fraction or a number beyond a long.
    }
    problem(key, value, expectation);
    return defaultValue;
  }

  @Override
  public double decimal(String key, double defaultValue, double min, double max) {
    Object value = read(key);
    if (value == null) {
      return defaultValue;
    }
    BigDecimal number = decimalOf(value);
    if (number != null && number.doubleValue() >= min && number.doubleValue() <= max) {
      return number.doubleValue();
    }
    problem(key, value, "a number from " + min + " to " + max);
    return defaultValue;
  }

  @Override
  public boolean bool(String key, boolean defaultValue) {
    Object value = read(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Boolean flag) {
      return flag;
    }
    String text = value instanceof String s ? s.strip().toLowerCase(Locale.ROOT) : "";
    if (text.equals("true") || text.equals("false")) {
      return text.equals("true");
    }
    problem(key, value, "true or false");
    return defaultValue;
  }

  @Override
  public long bytes(String key, long defaultBytes, long minBytes, long maxBytes) {
    Object value = read(key);
    if (value == null) {
      return defaultBytes;
    }
    OptionalLong bytes =
        isScalar(value) ? HumanUnits.bytes(scalarText(value)) : OptionalLong.empty();
    if (bytes.isPresent() && bytes.getAsLong() >= minBytes && bytes.getAsLong() <= maxBytes) {
      return bytes.getAsLong();
    }
    problem(
        key,
        value,
        "a size from " + minBytes + " to " + maxBytes + " bytes, such as 512, 256KB or 4MiB");
    return defaultBytes;
  }

  @Override
  public Duration duration(String key, Duration defaultValue, Duration min, Duration max) {
    Object value = read(key);
    if (value == null) {
      return defaultValue;
    }
    Duration duration = value instanceof String text ? HumanUnits.duration(text) : null;
    if (duration != null && duration.compareTo(min) >= 0 && duration.compareTo(max) <= 0) {
      return duration;
    }
    problem(key, value, "a duration from " + min + " to " + max + ", such as 250ms, 2s or 5m");
    return defaultValue;
  }

  @Override
  public List<String> strings(String key) {
    Object value = read(key);
    if (value == null) {
      return List.of();
    }
    if (isScalar(value)) {
      return List.of(scalarText(value));
    }
    if (value instanceof List<?> list && list.stream().allMatch(MapConfigSection::isScalar)) {
      return list.stream().map(MapConfigSection::scalarText).toList();
    }
    problem(key, value, "a list of text values");
    return List.of();
  }

  @Override
  public Map<String, String> stringMap(String key) {
    Object value = read(key);
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map<?, ?> map
        && map.values().stream().allMatch(MapConfigSection::isScalar)) {
      Map<String, String> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), scalarText(v)));
      return Collections.unmodifiableMap(copy);
    }
    problem(key, value, "a mapping of names to text values");
    return Map.of();
  }

  @Override
  public Optional<Secret> secret(String key) {
    secretKeys.add(key);
    return optionalString(key).map(Secret::new);
  }

  @Override
  public ConfigSection section(String key) {
    Object value = read(key);
    Map<String, @Nullable Object> map = Map.of();
    if (value instanceof Map<?, ?> found) {
      map = stringKeys(found);
    } else if (value != null) {
      problem(key, value, "a mapping of options");
    }
    MapConfigSection child = new MapConfigSection(pathOf(key), map, problems);
    children.computeIfAbsent(key, k -> new ArrayList<>()).add(child);
    return child;
  }

  @Override
  public List<ConfigSection> sections(String key) {
    Object value = read(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list) || !list.stream().allMatch(e -> e instanceof Map<?, ?>)) {
      problem(key, value, "a list of mappings");
      return List.of();
    }
    List<ConfigSection> sections = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Map<String, @Nullable Object> map = stringKeys((Map<?, ?>) list.get(i));
      MapConfigSection child = new MapConfigSection(pathOf(key) + "[" + i + "]", map, problems);
      children.computeIfAbsent(key, k -> new ArrayList<>()).add(child);
      sections.add(child);
    }
    return List.copyOf(sections);
  }

  @Override
  public @Nullable Object raw(String key) {
    return read(key);
  }

  @Override
  public void problem(String key, @Nullable Object value, String expectation) {
    String shown;
    if (value == null) {
      shown = ConfigProblem.MISSING;
    } else if (secretKeys.contains(key) || value instanceof Secret) {
      shown =
          value instanceof Secret secret ? secret.toString() : new Secret(text(value)).toString();
    } else {
      shown = "'" + text(value) + "'";
    }
    problems.add(new ConfigProblem(pathOf(key), shown, expectation));
  }

  private @Nullable Object read(String key) {
    readKeys.add(key);
    return values.get(key);
  }

  private static boolean isScalar(@Nullable Object value) {
    return value instanceof String || value instanceof Number || value instanceof Boolean;
  }

  private static String scalarText(@Nullable Object value) {
    return value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
  }

  private static String text(Object value) {
    return isScalar(value) ? scalarText(value) : value.toString();
  }

  private static @Nullable BigDecimal decimalOf(Object value) {
    try {
      return switch (value) {
        case BigDecimal decimal -> decimal;
        case BigInteger integer -> new BigDecimal(integer);
        case Double d when d.isNaN() || d.isInfinite() -> null;
        case Number number -> new BigDecimal(number.toString());
        case String text -> new BigDecimal(text.strip());
        default -> null;
      };
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  private static Map<String, @Nullable Object> stringKeys(Map<?, ?> map) {
    Map<String, @Nullable Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(String.valueOf(k), v));
    return copy;
  }
}
