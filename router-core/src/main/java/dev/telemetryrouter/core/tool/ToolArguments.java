package dev.telemetryrouter.core.tool;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parsed command line: {@code validate <routing.yaml> [options]} or {@code dry-run
 * <routing.yaml> --events <file> [options]}.
 *
 * @param command {@code validate} or {@code dry-run}
 * @param config the routing.yaml to load
 * @param variables the variables given with {@code --env K=V}, in order
 * @param inheritEnvironment whether the tool's own environment is visible to the file as well
 * @param events the events file for {@code dry-run}, else {@code null}
 * @param seed the seed of the random source the {@code sample} stage draws from
 */
record ToolArguments(
    String command,
    Path config,
    Map<String, String> variables,
    boolean inheritEnvironment,
    @Nullable Path events,
    long seed) {

  static final String USAGE =
      """
      usage: routing-tool validate <routing.yaml> [--env NAME=VALUE ...] [--inherit-env]
             routing-tool dry-run <routing.yaml> --events <events.json> [--env NAME=VALUE ...]
                          [--inherit-env] [--seed N]
      The file sees only the variables given with --env, unless --inherit-env is set.
      Events are a Telemetry API delivery (a JSON array of {time, type, record}) or JSON lines.\
      """;

  /** Thrown for a command line that cannot be run; the message says what was wrong. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  static ToolArguments parse(List<String> args) throws UsageException {
    if (args.size() < 2) {
      throw new UsageException("a command and a routing.yaml path are required");
    }
    String command = args.get(0);
    if (!command.equals("validate") && !command.equals("dry-run")) {
      throw new UsageException("unknown command '" + command + "': use validate or dry-run");
    }

    Map<String, String> variables = new LinkedHashMap<>();
    boolean inherit = false;
    Path events = null;
    long seed = 1;
    for (int i = 2; i < args.size(); i++) {
      String option = args.get(i);
      switch (option) {
        case "--inherit-env" -> inherit = true;
        case "--env" -> putVariable(variables, value(args, ++i, option));
        case "--events" -> events = Path.of(value(args, ++i, option));
        case "--seed" -> seed = seed(value(args, ++i, option));
        default -> throw new UsageException("unknown option '" + option + "'");
      }
    }

    if (command.equals("dry-run") && events == null) {
      throw new UsageException("dry-run needs --events <file>");
    }
    if (command.equals("validate") && events != null) {
      throw new UsageException("--events belongs to dry-run; validate reads no events");
    }
    return new ToolArguments(command, Path.of(args.get(1)), variables, inherit, events, seed);
  }

  private static String value(List<String> args, int index, String option) throws UsageException {
    if (index >= args.size()) {
      throw new UsageException(option + " needs a value");
    }
    return args.get(index);
  }

  private static void putVariable(Map<String, String> variables, String assignment)
      throws UsageException {
    int equals = assignment.indexOf('=');
    if (equals < 1) {
      // The value may be a secret: the message does not repeat it.
      throw new UsageException("--env takes NAME=VALUE; one value had no NAME= before it");
    }
    variables.put(assignment.substring(0, equals), assignment.substring(equals + 1));
  }

  private static long seed(String text) throws UsageException {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new UsageException("--seed takes a whole number, not '" + text + "'");
    }
  }
}
