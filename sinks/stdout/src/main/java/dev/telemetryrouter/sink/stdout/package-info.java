/**
 * The {@code stdout} sink: JSON lines on the process's standard output, each behind a marker that
 * the intake recognises when Lambda hands the line back through the Telemetry API.
 */
@NullMarked
package dev.telemetryrouter.sink.stdout;

import org.jspecify.annotations.NullMarked;
