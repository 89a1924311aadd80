package dev.telemetryrouter.core.lambda;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The {@code extension:} part of {@code routing.yaml}: how the extension subscribes, listens and
 * paces the lifecycle. The configuration loader validates the values against the platform's bounds.
 *
 * @param api which platform API to subscribe to
 * @param schemaVersion the Telemetry API schema; {@code 2025-01-29} falls back to {@code
 *     2022-12-13} where the platform refuses it
 * @param types the streams to subscribe to: {@code platform}, {@code function}, {@code extension}
 * @param listenerHost the address to bind the intake listener to; empty for the platform's choice
 *     ({@code sandbox.localdomain}, else loopback)
 * @param listenerPort the intake port; 0 picks a free one (tests)
 * @param bufferMaxItems the subscription's {@code buffering.maxItems}
 * @param bufferMaxBytes the subscription's {@code buffering.maxBytes}
 * @param bufferTimeout the subscription's {@code buffering.timeoutMs}
 * @param runtimeDoneWait the longest wait after INVOKE for that request's {@code
 *     platform.runtimeDone} before the flush
 * @param shutdownMargin time kept back from every platform deadline
 * @param routeOwnLogs whether the extension's own log lines are routed like other extension lines
 */
public record ExtensionSettings(
    Api api,
    String schemaVersion,
    List<String> types,
    String listenerHost,
    int listenerPort,
    int bufferMaxItems,
    int bufferMaxBytes,
    Duration bufferTimeout,
    Duration runtimeDoneWait,
    Duration shutdownMargin,
    boolean routeOwnLogs) {

  /** The Telemetry API schema AWS recommends for new extensions (lambda-platform.md §2.4). */
  public static final String SCHEMA_LATEST = "2025-01-29";

  /** The schema to fall back to where 2025-01-29 is refused; JSON logs still arrive as objects. */
  public static final String SCHEMA_FALLBACK = "2022-12-13";

  /** The Telemetry API or the older Logs API (lambda-platform.md §2, §3). */
  public enum Api {
    TELEMETRY,
    LOGS
  }

  public ExtensionSettings {
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(schemaVersion, "schemaVersion");
    types = List.copyOf(types);
    Objects.requireNonNull(listenerHost, "listenerHost");
    Objects.requireNonNull(bufferTimeout, "bufferTimeout");
    Objects.requireNonNull(runtimeDoneWait, "runtimeDoneWait");
    Objects.requireNonNull(shutdownMargin, "shutdownMargin");
  }

  /**
   * The defaults: Telemetry API, all three streams, port 4243, and the buffering the best peers run
   * in production (1,000 items, 256 KiB, 25 ms; lambda-platform.md §2.1), so the last records of an
   * invocation reach the listener quickly.
   */
  public static ExtensionSettings defaults() {
    return new ExtensionSettings(
        Api.TELEMETRY,
        SCHEMA_LATEST,
        List.of("platform", "function", "extension"),
        "",
        4243,
        1_000,
        262_144,
        Duration.ofMillis(25),
        Duration.ofSeconds(2),
        Duration.ofMillis(100),
        false);
  }

  /** A copy listening on {@code host:port}; tests bind loopback on a free port. */
  public ExtensionSettings withListener(String host, int port) {
    return new ExtensionSettings(
        api,
        schemaVersion,
        types,
        host,
        port,
        bufferMaxItems,
        bufferMaxBytes,
        bufferTimeout,
        runtimeDoneWait,
        shutdownMargin,
        routeOwnLogs);
  }
}
