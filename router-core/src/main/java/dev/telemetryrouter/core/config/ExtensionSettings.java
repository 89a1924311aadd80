package dev.telemetryrouter.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The {@code extension:} section: how the lifecycle subscribes to Lambda and waits at the edges of
 * an invocation. Read and validated by {@link ExtensionSettingsReader}; every field has a default.
 *
 * @param api which Lambda API to subscribe to
 * @param schemaVersion the subscription's {@code schemaVersion}
 * @param types the subscribed types, a non-empty subset of {@code platform}, {@code function},
 *     {@code extension}
 * @param listener where the intake listens for Lambda's POSTs
 * @param buffering the subscription's buffering, within Lambda's bounds
 * @param runtimeDoneWait after an INVOKE, the longest wait for that request's {@code
 *     platform.runtimeDone} before flushing anyway (also bounded by the invocation deadline)
 * @param shutdownMargin the part of the SHUTDOWN deadline kept back as a safety margin
 * @param routeOwnLogs whether the extension's own log lines are routed like other records
 */
public record ExtensionSettings(
    Api api,
    String schemaVersion,
    List<String> types,
    Listener listener,
    Buffering buffering,
    Duration runtimeDoneWait,
    Duration shutdownMargin,
    boolean routeOwnLogs) {

  /** The settings when the file has no {@code extension:} section. */
  public static final ExtensionSettings DEFAULTS =
      new ExtensionSettings(
          Api.TELEMETRY,
          Api.TELEMETRY.defaultSchemaVersion(),
          List.of("platform", "function", "extension"),
          new Listener(Listener.DEFAULT_HOST, Listener.DEFAULT_PORT),
          Buffering.DEFAULTS,
          Duration.ofSeconds(2),
          Duration.ofMillis(100),
          false);

  public ExtensionSettings {
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(schemaVersion, "schemaVersion");
    types = List.copyOf(types);
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(buffering, "buffering");
    Objects.requireNonNull(runtimeDoneWait, "runtimeDoneWait");
    Objects.requireNonNull(shutdownMargin, "shutdownMargin");
  }

  /** The Lambda API the extension subscribes to. */
  public enum Api {
    /** The Telemetry API ({@code /2022-07-01/telemetry}), the default. */
    TELEMETRY("telemetry", "2025-01-29", List.of("2022-07-01", "2022-12-13", "2025-01-29")),
    /** The older Logs API ({@code /2020-08-15/logs}); not available on Managed Instances. */
    LOGS("logs", "2021-03-18", List.of("2020-08-15", "2021-03-18"));

    private final String yamlName;
    private final String defaultSchemaVersion;
    private final List<String> schemaVersions;

    Api(String yamlName, String defaultSchemaVersion, List<String> schemaVersions) {
      this.yamlName = yamlName;
      this.defaultSchemaVersion = defaultSchemaVersion;
      this.schemaVersions = schemaVersions;
    }

    /** The value in {@code extension.api}. */
    public String yamlName() {
      return yamlName;
    }

    /**
     * The default {@code schema_version}: {@code 2025-01-29} for the Telemetry API (AWS's
     * recommended value, required on Managed Instances); {@code 2021-03-18} for the Logs API, the
     * version that delivers {@code platform.runtimeDone} (Lambda Telemetry API,
     * https://docs.aws.amazon.com/lambda/latest/dg/telemetry-api.html; Lambda Logs API,
     * https://docs.aws.amazon.com/lambda/latest/dg/runtimes-logs-api.html).
     */
    public String defaultSchemaVersion() {
      return defaultSchemaVersion;
    }

    /** The schema versions this API accepts. */
    public List<String> schemaVersions() {
      return schemaVersions;
    }
  }

  /**
   * The intake listener's address.
   *
   * @param host the host name or address to bind
   * @param port the TCP port, never 9001 (reserved by Lambda)
   */
  public record Listener(String host, int port) {
    public static final String DEFAULT_HOST = "sandbox.localdomain";
    public static final int DEFAULT_PORT = 4243;
  }

  /**
   * The subscription's buffering; Lambda sends a batch when the first of these is reached.
   *
   * @param maxItems events per batch, 1,000 to 10,000
   * @param maxBytes bytes per batch, 262,144 to 1,048,576
   * @param timeout the longest Lambda holds events before sending, 25ms to 30s
   */
  public record Buffering(int maxItems, int maxBytes, Duration timeout) {

    /**
     * A low timeout gets the last events of an invocation to us quickly, which the wait for {@code
     * runtimeDone} needs. Production extensions subscribe with 1000 / 262144 / 25ms: Datadog's
     * (DataDog/datadog-lambda-extension, bottlecap/src/extension/telemetry/mod.rs) and
     * OpenTelemetry's (open-telemetry/opentelemetry-lambda,
     * collector/internal/telemetryapi/client.go).
     */
    public static final Buffering DEFAULTS = new Buffering(1000, 262_144, Duration.ofMillis(25));
  }
}
