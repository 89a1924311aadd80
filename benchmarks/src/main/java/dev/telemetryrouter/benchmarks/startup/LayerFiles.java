package dev.telemetryrouter.benchmarks.startup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Copying, measuring and deleting layer folders. */
final class LayerFiles {

  /** zlib's default: its Z_DEFAULT_COMPRESSION (Deflater.DEFAULT_COMPRESSION) means level 6. */
  private static final int DEFLATE_LEVEL = 6;

  private LayerFiles() {}

  /** Copies a folder, keeping modes. */
  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path out = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(out);
        } else {
          Files.copy(path, out, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  /**
   * Bytes of every file under {@code root}. A symbolic link to a file counts as the file (jlink
   * links the legal notices of a runtime so, and a zip stores them as copies); a link to a folder
   * (the full JDK in some variants) is not followed.
   */
  static long size(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return 0;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      long total = 0;
      for (Path path : paths.toList()) {
        if (Files.isRegularFile(path)) {
          total += Files.size(path);
        }
      }
      return total;
    }
  }

  /** Bytes of the zip that {@link #zip} would write; counted, not kept. */
  static long zippedSize(Path root) throws IOException {
    CountingStream counter = new CountingStream();
    zip(root, counter);
    return counter.count;
  }

  /**
   * Zips everything under {@code root} at {@link #DEFLATE_LEVEL}, with names relative to it, as a
   * layer zip holds them; symbolic links as {@link #size} counts them.
   */
  static void zip(Path root, OutputStream out) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(out);
        Stream<Path> paths = Files.walk(root)) {
      zip.setLevel(DEFLATE_LEVEL);
      for (Path path : paths.sorted().toList()) {
        String name = root.relativize(path).toString();
        if (Files.isRegularFile(path)) {
          zip.putNextEntry(new ZipEntry(name));
          Files.copy(path, zip);
          zip.closeEntry();
        } else if (!name.isEmpty() && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
          zip.putNextEntry(new ZipEntry(name + "/"));
          zip.closeEntry();
        }
      }
    }
  }

  static void delete(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static final class CountingStream extends OutputStream {
    private long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      count += length;
    }
  }
}
