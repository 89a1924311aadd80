package dev.telemetryrouter.benchmarks.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder holding the unpacked layer ({@code opt}), the variant folders ({@code variants}) and
 * the emulator's work folder ({@code work}). A fresh temporary folder, or the one given with {@code
 * --root}; at the end the harness deletes what it made there, unless {@code --keep}.
 */
final class HarnessRoot implements AutoCloseable {

  private static final List<String> OWN = List.of("opt", "variants", "work");

  private final Path path;
  private final boolean created;
  private final boolean keep;

  private HarnessRoot(Path path, boolean created, boolean keep) {
    this.path = path;
    this.created = created;
    this.keep = keep;
  }

  static HarnessRoot temporary(boolean keep) throws IOException {
    return new HarnessRoot(Files.createTempDirectory("startup-harness"), true, keep);
  }

  /**
   * The given folder: made if missing; if it exists it may hold only the harness's own folders
   * (left by an earlier run with {@code --keep}; they are replaced), so that deleting them at the
   * end can never remove anything else.
   */
  static HarnessRoot at(Path dir, boolean keep) throws IOException {
    if (!Files.exists(dir)) {
      Files.createDirectories(dir);
      return new HarnessRoot(dir, true, keep);
    }
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--root " + dir + " is a file: give a folder");
    }

    try (Stream<Path> children = Files.list(dir)) {
      for (Path child : children.toList()) {
        String name = child.getFileName().toString();
        if (!OWN.contains(name)) {
          throw new IllegalArgumentException(
              "--root "
                  + dir
                  + " holds "
                  + name
                  + ", which the harness did not make: give a new or empty folder (the harness"
                  + " deletes its "
                  + String.join(", ", OWN)
                  + " folders there)");
        }
      }
    }
    HarnessRoot root = new HarnessRoot(dir, false, keep);
    root.deleteOwn();
    return root;
  }

  Path path() {
    return path;
  }

  @Override
  public void close() throws IOException {
    if (keep) {
      System.err.println("variant folders kept in " + path.resolve("variants"));
      return;
    }
    deleteOwn();
    if (created) {
      Files.delete(path);
    }
  }

  private void deleteOwn() throws IOException {
    for (String own : OWN) {
      LayerFiles.delete(path.resolve(own));
    }
  }
}
