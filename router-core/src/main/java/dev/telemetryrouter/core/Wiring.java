package dev.telemetryrouter.core;

import dev.telemetryrouter.core.config.ConfigSource;
import dev.telemetryrouter.core.config.LoadEnvironment;
import dev.telemetryrouter.core.config.RoutingConfigLoader;
import dev.telemetryrouter.core.engine.Router;
import dev.telemetryrouter.core.lambda.ConfigurationSource;
import dev.telemetryrouter.core.lambda.RouterFactory;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Connects the lifecycle to the configuration loader and the engine. */
final class Wiring {

  /** Set by the local emulator to the layer folder that stands for {@code /opt}. */
  static final String OPT_DIR_VARIABLE = "TELEMETRY_ROUTER_OPT_DIR";

  private Wiring() {}

  /** {@code routing.yaml} from the standard places, with the plugins on the class path. */
  static ConfigurationSource configuration(Map<String, String> environment, InstantSource clock) {
    return function ->
        RoutingConfigLoader.fromServiceLoader(
                Wiring.class.getClassLoader(), configFiles(environment))
            .load(new LoadEnvironment(environment, function, clock, RandomGenerator.getDefault()));
  }

  /**
   * The standard files, with {@code /opt} moved to {@value #OPT_DIR_VARIABLE} when set, so the
   * layer's default configuration is found under the emulator as it is on Lambda.
   */
  static List<Path> configFiles(Map<String, String> environment) {
    String optDir = environment.getOrDefault(OPT_DIR_VARIABLE, "");
    if (optDir.isBlank()) {
      return ConfigSource.DEFAULT_FILES;
    }
    Path opt = Path.of("/opt");
    return ConfigSource.DEFAULT_FILES.stream()
        .map(file -> file.startsWith(opt) ? Path.of(optDir).resolve(opt.relativize(file)) : file)
        .toList();
  }

  /**
   * The engine with one background worker per sink; each worker starts its sink (clients, TLS) on
   * its own thread, off the Init path.
   */
  static RouterFactory routers() {
    return (plan, clock) -> {
      Router router = Router.background(plan, clock, RandomGenerator.getDefault());
      router.start();
      return router;
    };
  }
}
