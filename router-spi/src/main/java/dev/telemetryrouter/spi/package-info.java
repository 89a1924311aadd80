/**
 * The plugin contract of Telemetry Router: the record model ({@link
 * dev.telemetryrouter.spi.TelemetryRecord}), sinks ({@link dev.telemetryrouter.spi.sink}), stages
 * ({@link dev.telemetryrouter.spi.stage}) and the configuration view plugins read their options
 * through ({@link dev.telemetryrouter.spi.config}).
 *
 * <p>Plugins depend on this module alone. Everything here is non-null unless annotated {@code
 * Nullable}.
 */
@NullMarked
package dev.telemetryrouter.spi;

import org.jspecify.annotations.NullMarked;
