/**
 * The stage contract: a {@link dev.telemetryrouter.spi.stage.StageProvider} found through {@link
 * java.util.ServiceLoader} creates a {@link dev.telemetryrouter.spi.stage.Stage}, which keeps,
 * changes or drops one record at a time.
 */
@NullMarked
package dev.telemetryrouter.spi.stage;

import org.jspecify.annotations.NullMarked;
