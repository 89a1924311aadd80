/**
 * The extension's own log output: a {@link java.lang.System.LoggerFinder} that writes one
 * recognisable line per message to standard error. Lambda sends those lines back to the extension
 * through the Telemetry API as {@code extension} records, and the intake knows them by {@link
 * dev.telemetryrouter.core.log.RouterLog#PREFIX}.
 */
@NullMarked
package dev.telemetryrouter.core.log;

import org.jspecify.annotations.NullMarked;
