package dev.telemetryrouter.core.config;

import dev.telemetryrouter.core.engine.NamedStage;
import dev.telemetryrouter.spi.stage.Stage;
import dev.telemetryrouter.spi.stage.StageProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds a list of stages, such as {@code pipeline} or {@code sinks.archive.stages}. */
final class StageListBuilder {

  private final PluginRegistry<StageProvider> registry;
  private final LoadEnvironment environment;

  StageListBuilder(PluginRegistry<StageProvider> registry, LoadEnvironment environment) {
    this.registry = registry;
    this.environment = environment;
  }

  /** The stages listed at {@code key} of {@code parent}, each named by its key path. */
  List<NamedStage> build(YamlSection parent, String key) {
    List<NamedStage> stages = new ArrayList<>();
    for (YamlSection section : parent.children(key)) {
      build(section).ifPresent(stage -> stages.add(new NamedStage(section.path(), stage)));
    }
    return stages;
  }

  private Optional<Stage> build(YamlSection section) {
    String type = section.optionalString("type").orElse(null);
    Optional<StageProvider> provider =
        registry.find(type, section.pathOf("type"), section.problems());
    if (type == null || provider.isEmpty()) {
      section.acceptAll();
      return Optional.empty();
    }
    Contexts.Stage context =
        new Contexts.Stage(
            section, environment.variables(), environment.clock(), environment.random());
    return registry.create(section, section, type, () -> provider.get().create(context));
  }
}
