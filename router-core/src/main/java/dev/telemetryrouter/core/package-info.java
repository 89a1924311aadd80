/**
 * The engine of Telemetry Router: {@code lambda} (lifecycle and intake), {@code config} ({@code
 * routing.yaml}), {@code stage} (built-in stages), {@code engine} (pipeline, routing, buffering,
 * batching, retry, flush, accounting). Plugins never import anything from here.
 */
@NullMarked
package dev.telemetryrouter.core;

import org.jspecify.annotations.NullMarked;
