package dev.telemetryrouter.core.engine;

import java.time.Duration;

/**
 * When to cut a batch: the first of these limits reached. Each is at most the sink's own {@link
 * dev.telemetryrouter.spi.sink.SinkLimits}; the configuration loader rejects larger values.
 *
 * @param maxRecords records per batch
 * @param maxBytes bytes per batch, framing included
 * @param maxAge how long the oldest buffered record may wait before its batch is sent anyway
 */
public record BatchPolicy(int maxRecords, long maxBytes, Duration maxAge) {}
