package dev.telemetryrouter.sink.file;

import dev.telemetryrouter.spi.config.ConfigSection;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkContext;
import dev.telemetryrouter.spi.sink.SinkProvider;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Creates {@link FileSink}s for YAML {@code type: file}.
 *
 * <p>Options:
 *
 * <ul>
 *   <li>{@code directory}: where files go, created on the first send if missing; default {@value
 *       #DEFAULT_DIRECTORY} ({@code /tmp} is the only writable place in Lambda).
 *   <li>{@code max_file_bytes}: a file is closed and a new one opened before a line would take it
 *       past this size; default 16MiB, from 1KiB to 4GiB.
 *   <li>{@code max_files}: keep at most this many files written by this sink, deleting the oldest;
 *       0 (the default) keeps every file.
 * </ul>
 *
 * <p>A directory that cannot be used is reported at creation, as a configuration problem on {@code
 * directory}: when the path is not valid, names something other than a directory, or cannot be
 * written to (checked on the path itself or, when it does not exist yet, on its nearest existing
 * parent). Creation only looks at the file system; it creates nothing.
 */
public final class FileSinkProvider implements SinkProvider {

  public static final String DEFAULT_DIRECTORY = "/tmp/telemetry-router/out";

  static final long DEFAULT_MAX_FILE_BYTES = 16L * 1024 * 1024;
  static final long MIN_MAX_FILE_BYTES = 1024;
  static final long MAX_MAX_FILE_BYTES = 4L * 1024 * 1024 * 1024;
  static final long MAX_MAX_FILES = 1_000_000;

  @Override
  public String type() {
    return "file";
  }

  @Override
  public Sink create(SinkContext context) {
    ConfigSection config = context.config();
    String directoryText = config.optionalString("directory").orElse(DEFAULT_DIRECTORY);
    long maxFileBytes =
        config.bytes(
            "max_file_bytes", DEFAULT_MAX_FILE_BYTES, MIN_MAX_FILE_BYTES, MAX_MAX_FILE_BYTES);
    long maxFiles = config.number("max_files", 0, 0, MAX_MAX_FILES);

    Path directory = checkDirectory(config, directoryText);
    FileSinkSettings settings =
        new FileSinkSettings(
            directory == null ? Path.of(DEFAULT_DIRECTORY) : directory,
            maxFileBytes,
            (int) maxFiles);
    return new FileSink(context.name(), settings, context.clock());
  }

  private static @Nullable Path checkDirectory(ConfigSection config, String text) {
    Path path;
    try {
      path = Path.of(text).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      config.problem("directory", text, "a valid directory path");
      return null;
    }

    Path existing = path;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      config.problem("directory", text, "a directory path under an existing root");
    } else if (!Files.isDirectory(existing)) {
      String what = existing.equals(path) ? "it" : existing + ", a parent of it,";
      config.problem("directory", text, "a directory; " + what + " exists and is not a directory");
    } else if (!Files.isWritable(existing)) {
      config.problem(
          "directory", text, "a directory this process can write to; " + existing + " is not");
    }
    return path;
  }
}
