/**
 * The built-in stages ({@code filter}, {@code parse_json}, {@code fields}, {@code redact}, {@code
 * truncate}, {@code sample}), each a {@link dev.telemetryrouter.spi.stage.StageProvider}, and the
 * condition language they share with a sink's {@code when}.
 */
@NullMarked
package dev.telemetryrouter.core.stage;

import org.jspecify.annotations.NullMarked;
