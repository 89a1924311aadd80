package dev.telemetryrouter.core.config;

import dev.telemetryrouter.core.config.ExtensionSettings.Api;
import dev.telemetryrouter.core.config.ExtensionSettings.Buffering;
import dev.telemetryrouter.core.config.ExtensionSettings.Listener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Reads and validates the {@code extension:} section; problems go to the section's list. */
final class ExtensionSettingsReader {

  /**
   * Lambda reserves port 9001 for its own APIs (Lambda Telemetry API,
   * https://docs.aws.amazon.com/lambda/latest/dg/telemetry-api.html).
   */
  private static final int RESERVED_PORT = 9001;

  private static final List<String> TYPES = List.of("platform", "function", "extension");

  // Subscription buffering bounds, from the Lambda Telemetry API reference,
  // https://docs.aws.amazon.com/lambda/latest/dg/telemetry-api-reference.html.
  private static final long MIN_ITEMS = 1_000;
  private static final long MAX_ITEMS = 10_000;
  private static final long MIN_BYTES = 262_144;
  private static final long MAX_BYTES = 1_048_576;
  private static final Duration MIN_TIMEOUT = Duration.ofMillis(25);
  private static final Duration MAX_TIMEOUT = Duration.ofMillis(30_000);

  /** Waits are bounded by the invocation deadline anyway; beyond 15 minutes a value is a typo. */
  private static final Duration MAX_WAIT = Duration.ofMinutes(15);

  private ExtensionSettingsReader() {}

  static ExtensionSettings read(YamlSection section) {
    ExtensionSettings defaults = ExtensionSettings.DEFAULTS;
    String apiName = section.choice("api", "telemetry", List.of("telemetry", "logs"));
    Api api = apiName.equals("logs") ? Api.LOGS : Api.TELEMETRY;
    String schema =
        section.choice("schema_version", api.defaultSchemaVersion(), api.schemaVersions());

    List<String> types = readTypes(section);
    Listener listener = readListener(section.child("listener"));
    Buffering buffering = readBuffering(section.child("buffering"));

    Duration runtimeDoneWait =
        section.duration("runtime_done_wait", defaults.runtimeDoneWait(), Duration.ZERO, MAX_WAIT);
    Duration shutdownMargin =
        section.duration(
            "shutdown_margin", defaults.shutdownMargin(), Duration.ZERO, Duration.ofSeconds(2));
    boolean routeOwnLogs = section.bool("route_own_logs", defaults.routeOwnLogs());
    return new ExtensionSettings(
        api, schema, types, listener, buffering, runtimeDoneWait, shutdownMargin, routeOwnLogs);
  }

  private static List<String> readTypes(YamlSection section) {
    if (!section.has("types")) {
      return ExtensionSettings.DEFAULTS.types();
    }
    List<String> types = new ArrayList<>(new LinkedHashSet<>(section.strings("types")));
    boolean valid = !types.isEmpty() && TYPES.containsAll(types);
    if (!valid) {
      section.problem(
          "types", section.raw("types"), "a non-empty list of: " + String.join(", ", TYPES));
      return ExtensionSettings.DEFAULTS.types();
    }
    return List.copyOf(types);
  }

  private static Listener readListener(YamlSection section) {
    String host = section.optionalString("host").orElse(Listener.DEFAULT_HOST);
    if (host.isBlank()) {
      section.problem("host", host, "a host name or address to listen on");
    }
    long port = section.number("port", Listener.DEFAULT_PORT, 1, 65_535);
    if (port == RESERVED_PORT) {
      section.problem("port", port, "a port other than 9001, which Lambda reserves");
    }
    return new Listener(host, (int) port);
  }

  private static Buffering readBuffering(YamlSection section) {
    Buffering defaults = Buffering.DEFAULTS;
    long items = section.number("max_items", defaults.maxItems(), MIN_ITEMS, MAX_ITEMS);
    long bytes = section.bytes("max_bytes", defaults.maxBytes(), MIN_BYTES, MAX_BYTES);
    Duration timeout = section.duration("timeout", defaults.timeout(), MIN_TIMEOUT, MAX_TIMEOUT);
    return new Buffering((int) items, (int) bytes, timeout);
  }
}
