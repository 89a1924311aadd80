package dev.telemetryrouter.core.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The configuration used when there is no {@code routing.yaml}: one sink, chosen by environment
 * variables alone, and no stages. {@value #SINK_ENV} names the sink type (default {@value
 * #DEFAULT_SINK}); {@value #TARGET_ENV} names its target, which goes to the sink's main option:
 * {@code directory} for {@code file}, {@code stream} for {@code firehose} and {@code kinesis},
 * {@code bucket} for {@code s3}, {@code url} for {@code http}, and {@code target} for any other
 * type. {@value #TARGET_OPTION_ENV} overrides that option name, so a new sink plugin works here
 * without a change to this class.
 */
public final class DefaultConfig {

  /** The sink type of the built-in default. */
  public static final String SINK_ENV = "TELEMETRY_ROUTER_SINK";

  /** The built-in default sink's target: a directory, a stream, a bucket or a URL. */
  public static final String TARGET_ENV = "TELEMETRY_ROUTER_TARGET";

  /** The option name {@value #TARGET_ENV} is given as, for sink types not in the table. */
  public static final String TARGET_OPTION_ENV = "TELEMETRY_ROUTER_TARGET_OPTION";

  public static final String DEFAULT_SINK = "file";

  /** Each sink type's main option. The one place to name it; unknown types use "target". */
  private static final Map<String, String> TARGET_OPTIONS =
      Map.of(
          "file", "directory",
          "firehose", "stream",
          "kinesis", "stream",
          "s3", "bucket",
          "http", "url");

  private DefaultConfig() {}

  /** The default as a YAML tree, as if it had been read from a file. */
  static Map<String, @Nullable Object> tree(Map<String, String> environment) {
    String type = sinkType(environment);
    Map<String, @Nullable Object> sink = new LinkedHashMap<>();
    sink.put("type", type);
    String target = environment.get(TARGET_ENV);
    if (target != null && !target.isBlank()) {
      sink.put(targetOption(type, environment), target.strip());
    }
    Map<String, @Nullable Object> sinks = new LinkedHashMap<>();
    sinks.put(type, sink);

    Map<String, @Nullable Object> root = new LinkedHashMap<>();
    root.put("version", 1L);
    root.put("sinks", sinks);
    return root;
  }

  /** The source description for the log line, naming the variables that shaped the default. */
  static String describe(Map<String, String> environment) {
    String type = sinkType(environment);
    String target = environment.get(TARGET_ENV);
    return "built-in default ("
        + SINK_ENV
        + "="
        + type
        + (target == null || target.isBlank() ? "" : ", " + TARGET_ENV + "=" + target.strip())
        + ")";
  }

  /** The option name the target is given as for sinks of {@code type}. */
  static String targetOption(String type, Map<String, String> environment) {
    String override = environment.get(TARGET_OPTION_ENV);
    if (override != null && !override.isBlank()) {
      return override.strip();
    }
    return TARGET_OPTIONS.getOrDefault(type, "target");
  }

  private static String sinkType(Map<String, String> environment) {
    String type = environment.get(SINK_ENV);
    return type == null || type.isBlank() ? DEFAULT_SINK : type.strip().toLowerCase(Locale.ROOT);
  }
}
