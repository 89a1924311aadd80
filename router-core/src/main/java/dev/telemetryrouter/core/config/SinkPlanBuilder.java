package dev.telemetryrouter.core.config;

import dev.telemetryrouter.core.engine.BatchPolicy;
import dev.telemetryrouter.core.engine.NamedStage;
import dev.telemetryrouter.core.engine.SinkPlan;
import dev.telemetryrouter.core.stage.Condition;
import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkLimits;
import dev.telemetryrouter.spi.sink.SinkProvider;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Builds one {@link SinkPlan} from {@code sinks.<name>}: looks the provider up by {@code type},
 * hands it the sink's own options (the engine keys removed), and reads the engine keys into the
 * policies, checking batch sizes against the sink's declared limits.
 */
final class SinkPlanBuilder {

  /** The keys the engine reads for every sink; the sink's provider never sees them. */
  static final Set<String> ENGINE_KEYS =
      Set.of(
          "type", "when", "stages", "batch", "retry", "buffer", "oversize", "dead_letter", "flush");

  /** Batches wait at most this long for more records by default. */
  static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(1);

  private final PluginRegistry<SinkProvider> registry;
  private final StageListBuilder stages;
  private final LoadEnvironment environment;

  SinkPlanBuilder(
      PluginRegistry<SinkProvider> registry, StageListBuilder stages, LoadEnvironment environment) {
    this.registry = registry;
    this.stages = stages;
    this.environment = environment;
  }

  /** The plan for the sink at {@code section}; empty when it could not be created. */
  Optional<SinkPlan> build(String name, YamlSection section, Set<String> activeSinks) {
    String type = section.optionalString("type").orElse(null);
    Optional<SinkProvider> provider =
        registry.find(type, section.pathOf("type"), section.problems());
    if (type == null || provider.isEmpty()) {
      section.acceptAll();
      return Optional.empty();
    }
    Optional<Sink> sink = create(name, type, provider.get(), section);
    SinkLimits limits = sink.flatMap(created -> limits(created, type, section)).orElse(null);

    Predicate<TelemetryRecord> when =
        section.has("when") ? Condition.parse(section, "when") : Condition.always();
    List<NamedStage> sinkStages = stages.build(section, "stages");
    Duration defaultMaxAge = sink.map(Sink::preferredBatchAge).orElse(DEFAULT_MAX_AGE);
    BatchPolicy batch = SinkPolicies.batch(section.child("batch"), type, limits, defaultMaxAge);
    var retry = SinkPolicies.retry(section.child("retry"));
    var buffer = SinkPolicies.buffer(section.child("buffer"));
    var oversize = SinkPolicies.oversize(section.child("oversize"));
    var deadLetter = SinkPolicies.deadLetter(section.child("dead_letter"), name, activeSinks);
    var flush = SinkPolicies.flush(section.child("flush"));
    return sink.map(
        created ->
            new SinkPlan(
                name,
                type,
                created,
                when,
                sinkStages,
                batch,
                retry,
                buffer,
                oversize,
                deadLetter,
                flush));
  }

  private Optional<Sink> create(
      String name, String type, SinkProvider provider, YamlSection section) {
    YamlSection options = section.without(ENGINE_KEYS, "the " + type + " sink");
    var context =
        new Contexts.Sink(
            name, options, environment.function(), environment.variables(), environment.clock());
    return registry.create(section, options, type, () -> provider.create(context));
  }

  private static Optional<SinkLimits> limits(Sink sink, String type, YamlSection section) {
    try {
      return Optional.of(sink.limits());
    } catch (RuntimeException failure) {
      section.problem(
          "type", type, "a sink that declares its limits (" + failure.getMessage() + ")");
      return Optional.empty();
    }
  }
}
