/**
 * The sink contract: a {@link dev.telemetryrouter.spi.sink.SinkProvider} found through {@link
 * java.util.ServiceLoader} creates a {@link dev.telemetryrouter.spi.sink.Sink}, which declares its
 * limits and sends batches the engine has cut to them.
 */
@NullMarked
package dev.telemetryrouter.spi.sink;

import org.jspecify.annotations.NullMarked;
