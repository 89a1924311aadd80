package dev.telemetryrouter.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The providers of one kind (sinks or stages) by their YAML {@code type}. Lookup problems name the
 * key path: an unknown type lists the known ones, sorted; a type two providers claim names both
 * classes, since only removing one of the jars can settle which is meant.
 *
 * @param <P> the provider interface
 */
public final class PluginRegistry<P> {

  private final String kind;
  private final Map<String, List<P>> byType;
  private final List<String> loadFailures;

  private PluginRegistry(String kind, Map<String, List<P>> byType, List<String> loadFailures) {
    this.kind = kind;
    this.byType = byType;
    this.loadFailures = List.copyOf(loadFailures);
  }

  /** Providers given directly, such as in tests. */
  public static <P> PluginRegistry<P> of(
      String kind, Iterable<? extends P> providers, Function<P, String> typeOf) {
    Map<String, List<P>> byType = new TreeMap<>();
    for (P provider : providers) {
      byType.computeIfAbsent(typeOf.apply(provider), type -> new ArrayList<>()).add(provider);
    }
    return new PluginRegistry<>(kind, byType, List.of());
  }

  /**
   * Providers found by {@link ServiceLoader} in {@code loader}. A provider that fails to load is
   * remembered and reported by {@link #reportLoadFailures} rather than stopping the search.
   */
  public static <P> PluginRegistry<P> load(
      String kind, Class<P> service, ClassLoader loader, Function<P, String> typeOf) {
    Map<String, List<P>> byType = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    var iterator = ServiceLoader.load(service, loader).iterator();
    while (true) {
      try {
        if (!iterator.hasNext()) {
          break;
        }
        P provider = iterator.next();
        byType.computeIfAbsent(typeOf.apply(provider), type -> new ArrayList<>()).add(provider);
      } catch (ServiceConfigurationError broken) {
        // The message starts with the service's name, which the problem's path already says.
        String message = String.valueOf(broken.getMessage());
        failures.add(message.replace(service.getName() + ": ", ""));
      }
    }
    return new PluginRegistry<>(kind, byType, failures);
  }

  /** The known types, sorted. */
  public List<String> types() {
    return List.copyOf(byType.keySet());
  }

  /**
   * The provider of {@code type}, read at {@code path}; empty after recording a problem when the
   * type is missing ({@code null}), unknown or claimed twice.
   */
  public Optional<P> find(@Nullable String type, String path, Problems problems) {
    List<P> candidates = type == null ? List.of() : byType.getOrDefault(type, List.of());
    if (candidates.size() == 1) {
      return Optional.of(candidates.getFirst());
    }
    if (candidates.isEmpty()) {
      String expectation =
          byType.isEmpty()
              ? "a " + kind + " type, but no " + kind + " plugins are installed"
              : "one of the known " + kind + " types: " + String.join(", ", byType.keySet());
      problems.add(path, type, expectation);
    } else {
      String classes =
          candidates.stream()
              .map(provider -> provider.getClass().getName())
              .sorted()
              .collect(Collectors.joining(" and "));
      problems.add(
          path,
          type,
          "exactly one "
              + kind
              + " provider for this type, but "
              + classes
              + (candidates.size() == 2 ? " both" : " all")
              + " claim it; remove all but one of their jars");
    }
    return Optional.empty();
  }

  /**
   * Runs a provider's {@code create}; a provider that throws instead of recording its problems is
   * reported at the section's {@code type} key rather than stopping the load; the keys of its
   * {@code options} are then not reported as unknown, since it never got to read them.
   */
  <T> Optional<T> create(
      YamlSection section, YamlSection options, String type, Supplier<T> create) {
    try {
      return Optional.of(create.get());
    } catch (RuntimeException failure) {
      options.acceptAll();
      section.problem(
          "type",
          type,
          "options the "
              + type
              + " "
              + kind
              + " accepts (creating it failed: "
              + failure.getMessage()
              + ")");
      return Optional.empty();
    }
  }

  /** Records one problem per provider that could not be loaded. */
  public void reportLoadFailures(Problems problems) {
    for (String failure : loadFailures) {
      problems.add(
          "(" + kind + " plugins)", failure, "a provider that loads; fix or remove its jar");
    }
  }
}
