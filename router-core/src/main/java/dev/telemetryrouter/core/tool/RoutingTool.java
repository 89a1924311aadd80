package dev.telemetryrouter.core.tool;

import dev.telemetryrouter.core.config.ConfigException;
import dev.telemetryrouter.core.config.ConfigSource;
import dev.telemetryrouter.core.config.LoadEnvironment;
import dev.telemetryrouter.core.config.LoadedConfig;
import dev.telemetryrouter.core.config.PluginRegistry;
import dev.telemetryrouter.core.config.Problem;
import dev.telemetryrouter.core.config.RoutingConfigLoader;
import dev.telemetryrouter.core.engine.SinkPlan;
import dev.telemetryrouter.core.lambda.RecordedEvents;
import dev.telemetryrouter.spi.FunctionContext;
import dev.telemetryrouter.spi.sink.SinkProvider;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Checks a {@code routing.yaml} before it is deployed.
 *
 * <ul>
 *   <li>{@code validate <routing.yaml>}: loads the file exactly as the extension does (the same
 *       loader, plugins and checks) and prints every problem, exit code 1, or a summary of the
 *       plan, exit code 0.
 *   <li>{@code dry-run <routing.yaml> --events <file>}: also routes recorded Telemetry API events
 *       through the real pipeline, routes, sink stages, encoding and batching, and prints what each
 *       sink would receive and what was dropped where. Sinks are created (which touches no network)
 *       to learn their limits and encoding, but never started and never sent to.
 * </ul>
 *
 * <p>Exit codes: 0 valid, 1 invalid file or unreadable input, 2 a wrong command line.
 */
public final class RoutingTool {

  static final int VALID = 0;
  static final int INVALID = 1;
  static final int USAGE = 2;

  private final PrintStream out;
  private final Map<String, String> processEnvironment;
  private final InstantSource clock;
  private final ClassLoader plugins;

  /**
   * @param plugins where {@link java.util.ServiceLoader} looks for sink and stage plugins
   */
  RoutingTool(
      PrintStream out,
      Map<String, String> processEnvironment,
      InstantSource clock,
      ClassLoader plugins) {
    this.out = out;
    this.processEnvironment = Map.copyOf(processEnvironment);
    this.clock = clock;
    this.plugins = plugins;
  }

  public static void main(String[] args) {
    RoutingTool tool =
        new RoutingTool(
            System.out,
            System.getenv(),
            InstantSource.system(),
            RoutingTool.class.getClassLoader());
    int code = tool.run(List.of(args));
    System.out.flush();
    System.exit(code);
  }

  /** Runs one command line and answers its exit code. */
  int run(List<String> args) {
    ToolArguments arguments;
    try {
      arguments = ToolArguments.parse(args);
    } catch (ToolArguments.UsageException wrong) {
      out.println(wrong.getMessage());
      out.println(ToolArguments.USAGE);
      return USAGE;
    }

    StageTypes stageTypes = new StageTypes();
    LoadedConfig config;
    try {
      config = load(arguments, stageTypes);
    } catch (ConfigException invalid) {
      // The extension's wording asks for a new deployment; here the next step is another run.
      out.println(invalid.report("run " + arguments.command() + " again"));
      return INVALID;
    }

    try {
      if (arguments.command().equals("validate")) {
        PlanSummary.print(out, config, stageTypes);
        return VALID;
      }
      return dryRun(arguments, config);
    } finally {
      config.plan().sinks().forEach(sink -> sink.sink().close());
    }
  }

  private LoadedConfig load(ToolArguments arguments, StageTypes stageTypes) throws ConfigException {
    Map<String, String> variables = variables(arguments);
    ClassLoader loader = plugins;
    RoutingConfigLoader configLoader =
        new RoutingConfigLoader(
            PluginRegistry.load("sink", SinkProvider.class, loader, SinkProvider::type),
            stageTypes.registry(loader),
            List.of());
    LoadEnvironment environment =
        new LoadEnvironment(
            variables, function(variables), clock, new SplittableRandom(arguments.seed()));
    return configLoader.load(source(arguments.config()), environment);
  }

  private int dryRun(ToolArguments arguments, LoadedConfig config) {
    Path eventsFile = Objects.requireNonNull(arguments.events(), "events");
    byte[] content;
    try {
      content = Files.readAllBytes(eventsFile);
    } catch (IOException | RuntimeException unreadable) {
      out.println(
          "events file "
              + eventsFile
              + " cannot be read ("
              + unreadable.getClass().getSimpleName()
              + "); give a readable JSON array or JSON lines file");
      return INVALID;
    }

    Map<String, String> variables = variables(arguments);
    RecordedEvents.Decoded decoded =
        RecordedEvents.decode(
            content, function(variables), clock, config.extension().routeOwnLogs());
    VirtualTime time = new VirtualTime(DryRun.start(decoded.records(), clock.instant()));
    List<SinkPlan> sinks = config.plan().sinks();
    DryRun.Result result =
        DryRun.run(config.plan(), decoded.records(), time, new SplittableRandom(arguments.seed()));
    DryRunReport.print(out, config.source(), eventsFile.toString(), decoded, sinks, result);
    return decoded.problems().isEmpty() ? VALID : INVALID;
  }

  private Map<String, String> variables(ToolArguments arguments) {
    Map<String, String> variables = new HashMap<>();
    if (arguments.inheritEnvironment()) {
      variables.putAll(processEnvironment);
    }
    variables.putAll(arguments.variables());
    return variables;
  }

  /** The function the file is checked for, from the variables Lambda would set. */
  static FunctionContext function(Map<String, String> variables) {
    int memory;
    try {
      memory = Integer.parseInt(variables.getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "0"));
    } catch (NumberFormatException e) {
      memory = 0;
    }
    return new FunctionContext(
        variables.getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "my-function"),
        variables.getOrDefault("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST"),
        variables.getOrDefault("AWS_REGION", ""),
        memory,
        null);
  }

  private static ConfigSource source(Path file) throws ConfigException {
    String description = "file " + file;
    try {
      return new ConfigSource(description, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException unreadable) {
      Problem problem =
          new Problem(
              "(file)",
              "'" + file + "' (" + unreadable.getClass().getSimpleName() + ")",
              "a readable UTF-8 routing.yaml; check the path");
      throw new ConfigException(description, List.of(problem));
    }
  }
}
