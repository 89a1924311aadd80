/**
 * The {@code routing.yaml} command-line tool: {@code validate} loads a file as the extension would
 * and summarises the plan, {@code dry-run} routes recorded events through it into in-memory
 * captures and shows what each sink would receive. Nothing here opens a network connection.
 */
@NullMarked
package dev.telemetryrouter.core.tool;

import org.jspecify.annotations.NullMarked;
