package dev.telemetryrouter.core.tool;

import dev.telemetryrouter.core.config.PluginRegistry;
import dev.telemetryrouter.spi.stage.Stage;
import dev.telemetryrouter.spi.stage.StageContext;
import dev.telemetryrouter.spi.stage.StageProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Remembers the type of the stage created at each key path, for the plan summary: the engine keeps
 * only a stage's path. It wraps the providers {@link ServiceLoader} finds; when one of them fails
 * to load, it gives the loader's own registry instead, which reports the broken jar.
 */
final class StageTypes {

  private final Map<String, String> byPath = new HashMap<>();

  PluginRegistry<StageProvider> registry(ClassLoader loader) {
    try {
      List<StageProvider> providers =
          ServiceLoader.load(StageProvider.class, loader).stream()
              .map(ServiceLoader.Provider::get)
              .<StageProvider>map(Recording::new)
              .toList();
      return PluginRegistry.of("stage", providers, StageProvider::type);
    } catch (ServiceConfigurationError broken) {
      return PluginRegistry.load("stage", StageProvider.class, loader, StageProvider::type);
    }
  }

  /** The type of the stage at {@code path}, or {@code ?} when it was not seen. */
  String typeAt(String path) {
    return byPath.getOrDefault(path, "?");
  }

  private final class Recording implements StageProvider {

    private final StageProvider inner;

    Recording(StageProvider inner) {
      this.inner = inner;
    }

    @Override
    public String type() {
      return inner.type();
    }

    @Override
    public Stage create(StageContext context) {
      byPath.put(context.config().path(), inner.type());
      return inner.create(context);
    }
  }
}
