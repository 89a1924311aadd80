package dev.telemetryrouter.sink.file;

import java.nio.file.Path;

/**
 * The options of one file sink, validated.
 *
 * @param directory absolute and normalized
 * @param maxFileBytes the size a file never exceeds, unless one line alone is larger
 * @param maxFiles how many of this sink's files to keep, 0 for all
 */
record FileSinkSettings(Path directory, long maxFileBytes, int maxFiles) {}
