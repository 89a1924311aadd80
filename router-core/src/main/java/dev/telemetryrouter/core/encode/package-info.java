/**
 * Turns records into the UTF-8 bytes a sink sends, as its {@link
 * dev.telemetryrouter.spi.sink.RecordEncoding} asks: one line of compact JSON, or the message
 * alone. Written with jackson-core's streaming generator only, to keep class loading at cold start
 * small.
 */
@NullMarked
package dev.telemetryrouter.core.encode;

import org.jspecify.annotations.NullMarked;
