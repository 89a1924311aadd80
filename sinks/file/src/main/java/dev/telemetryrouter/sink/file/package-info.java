/**
 * The {@code file} sink: JSON lines into a directory, in files rotated by size. It is the embedded
 * default sink for local runs.
 */
@NullMarked
package dev.telemetryrouter.sink.file;

import org.jspecify.annotations.NullMarked;
