package dev.telemetryrouter.core.config;

import dev.telemetryrouter.core.engine.NamedStage;
import dev.telemetryrouter.core.engine.RoutingPlan;
import dev.telemetryrouter.core.engine.SinkPlan;
import dev.telemetryrouter.spi.sink.SinkProvider;
import dev.telemetryrouter.spi.stage.StageProvider;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Loads {@code routing.yaml} into a {@link LoadedConfig}: finds the source ({@link ConfigSource}),
 * interpolates {@code ${VAR}}, selects the active sinks ({@value #SINKS_ENV}), creates every stage
 * and sink through its plugin, and validates the whole file. Every problem is collected and
 * reported at once in a {@link ConfigException}; nothing is started.
 *
 * <p>Sinks that {@value #SINKS_ENV} leaves out are neither interpolated nor created, so their
 * variables need not be set where they are not used.
 */
public final class RoutingConfigLoader {

  private static final System.Logger log = System.getLogger(RoutingConfigLoader.class.getName());

  /** A comma-separated list of the defined sinks to run; all of them when unset or blank. */
  public static final String SINKS_ENV = "TELEMETRY_ROUTER_SINKS";

  /** The only file version this release reads. */
  static final long VERSION = 1;

  private static final Pattern SINK_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final PluginRegistry<SinkProvider> sinkProviders;
  private final PluginRegistry<StageProvider> stageProviders;
  private final List<Path> files;

  /**
   * A loader over the given plugins, searching {@code files} (normally {@link
   * ConfigSource#DEFAULT_FILES}) when no variable names the source.
   */
  public RoutingConfigLoader(
      PluginRegistry<SinkProvider> sinkProviders,
      PluginRegistry<StageProvider> stageProviders,
      List<Path> files) {
    this.sinkProviders = Objects.requireNonNull(sinkProviders, "sinkProviders");
    this.stageProviders = Objects.requireNonNull(stageProviders, "stageProviders");
    this.files = List.copyOf(files);
  }

  /** A loader over the plugins {@link java.util.ServiceLoader} finds in {@code loader}. */
  public static RoutingConfigLoader fromServiceLoader(ClassLoader loader, List<Path> files) {
    return new RoutingConfigLoader(
        PluginRegistry.load("sink", SinkProvider.class, loader, SinkProvider::type),
        PluginRegistry.load("stage", StageProvider.class, loader, StageProvider::type),
        files);
  }

  /** The production loader: plugins on the class path, the standard file locations. */
  public static RoutingConfigLoader standard() {
    return fromServiceLoader(
        RoutingConfigLoader.class.getClassLoader(), ConfigSource.DEFAULT_FILES);
  }

  /** Finds the source for the environment and loads it. */
  public LoadedConfig load(LoadEnvironment environment) throws ConfigException {
    return load(ConfigSource.resolve(environment.variables(), files), environment);
  }

  /** Loads {@code source}. */
  public LoadedConfig load(ConfigSource source, LoadEnvironment environment)
      throws ConfigException {
    Problems problems = new Problems();
    sinkProviders.reportLoadFailures(problems);
    stageProviders.reportLoadFailures(problems);

    Object tree =
        source.yaml() == null
            ? DefaultConfig.tree(environment.variables())
            : YamlReader.read(source.yaml(), source.description(), problems);
    if (!(tree instanceof Map<?, ?> rootMap)) {
      if (problems.isEmpty()) {
        problems.add("(root)", tree, "a mapping with version: 1 and sinks:");
      }
      throw new ConfigException(source.description(), problems.list());
    }

    Set<String> active = activeSinks(rootMap.get("sinks"), environment.variables(), problems);
    Interpolator interpolator = new Interpolator(environment.variables(), problems);
    Object interpolated = interpolator.apply(rootMap, "", path -> inactive(path, rootMap, active));
    Map<String, @Nullable Object> interpolatedMap =
        Scalars.asMap((Map<?, ?>) Objects.requireNonNull(interpolated));
    YamlSection root = new YamlSection("", interpolatedMap, problems);

    LoadedConfig config = build(root, active, source, environment);
    root.reportUnknownKeys();
    if (!problems.isEmpty()) {
      config.plan().sinks().forEach(plan -> plan.sink().close());
      List<Problem> inFileOrder = new FileOrder(interpolatedMap).sort(problems.list());
      throw new ConfigException(source.description(), inFileOrder);
    }
    log.log(
        Level.INFO,
        "routing configuration from {0}: sinks {1}, {2} pipeline stages",
        source.description(),
        config.plan().sinks().stream().map(SinkPlan::name).toList(),
        config.plan().pipeline().size());
    return config;
  }

  private LoadedConfig build(
      YamlSection root, Set<String> active, ConfigSource source, LoadEnvironment environment) {
    checkVersion(root);
    ExtensionSettings extension = ExtensionSettingsReader.read(root.child("extension"));
    StageListBuilder stages = new StageListBuilder(stageProviders, environment);
    List<NamedStage> pipeline = stages.build(root, "pipeline");

    SinkPlanBuilder builder = new SinkPlanBuilder(sinkProviders, stages, environment);
    YamlSection sinksSection = root.child("sinks");
    if (sinksSection.keys().isEmpty()) {
      root.problem("sinks", root.raw("sinks"), "a mapping of sink names to sinks, at least one");
    }
    List<SinkPlan> sinks = new ArrayList<>();
    for (String name : sinksSection.keys()) {
      if (!SINK_NAME.matcher(name).matches()) {
        sinksSection.problem(name, name, "a sink name of 1 to 64 letters, digits, _ or -");
      }
      Object sink = sinksSection.raw(name);
      if (!(sink instanceof Map<?, ?>)) {
        sinksSection.problem(name, sink, "a sink: a mapping with its type and options");
      } else if (active.contains(name)) {
        builder.build(name, sinksSection.child(name), active).ifPresent(sinks::add);
      }
    }
    return new LoadedConfig(new RoutingPlan(pipeline, sinks), extension, source.description());
  }

  private static void checkVersion(YamlSection root) {
    Object version = root.raw("version");
    boolean valid =
        version != null
            && Scalars.isScalar(version)
            && Scalars.text(version).strip().equals(String.valueOf(VERSION));
    if (!valid) {
      root.problem("version", version, "1, the only version of routing.yaml this release reads");
    }
  }

  /** The sinks to build: those {@value #SINKS_ENV} names, or every defined sink. */
  private static Set<String> activeSinks(
      @Nullable Object sinks, Map<String, String> environment, Problems problems) {
    Set<String> defined = new LinkedHashSet<>();
    if (sinks instanceof Map<?, ?> map) {
      map.keySet().forEach(key -> defined.add(String.valueOf(key)));
    }
    String selection = environment.get(SINKS_ENV);
    if (selection == null || selection.isBlank()) {
      return defined;
    }
    Set<String> active = new LinkedHashSet<>();
    List<String> undefined = new ArrayList<>();
    for (String part : selection.split(",", -1)) {
      String name = part.strip();
      if (name.isEmpty()) {
        continue;
      }
      (defined.contains(name) ? active : undefined).add(name);
    }
    if (!undefined.isEmpty()) {
      problems.add(
          SINKS_ENV,
          selection,
          "names of defined sinks, separated by commas ("
              + String.join(", ", undefined)
              + (undefined.size() == 1 ? " is" : " are")
              + " not defined); defined: "
              + (defined.isEmpty()
                  ? "none"
                  : String.join(", ", defined.stream().sorted().toList())));
    }
    // A selection of only commas and blanks selects nothing in particular: run every sink.
    return active.isEmpty() && undefined.isEmpty() ? defined : active;
  }

  private static boolean inactive(String path, Map<?, ?> root, Set<String> active) {
    if (!path.startsWith("sinks.") || !(root.get("sinks") instanceof Map<?, ?> sinks)) {
      return false;
    }
    String name = path.substring("sinks.".length());
    return sinks.containsKey(name) && !active.contains(name);
  }
}
