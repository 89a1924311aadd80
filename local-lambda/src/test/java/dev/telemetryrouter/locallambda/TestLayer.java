package dev.telemetryrouter.locallambda;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/** Builds layer folders for tests: {@code extensions/<name>} files copied from test resources. */
final class TestLayer {

  private TestLayer() {}

  /** Copies the resource to {@code <layer>/extensions/<fileName>} with mode 755. */
  static Path withExtension(Path layer, String resource, String fileName) throws IOException {
    Path folder = Files.createDirectories(layer.resolve("extensions"));
    Path file = folder.resolve(fileName);
    try (InputStream in =
        Objects.requireNonNull(TestLayer.class.getResourceAsStream("/" + resource), resource)) {
      Files.copy(in, file);
    }
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  static Path resource(String name) {
    try {
      return Path.of(Objects.requireNonNull(TestLayer.class.getResource("/" + name)).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The state letter of /proc/<pid>/stat: R, S, T (stopped), Z... or "gone". */
  static String processState(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    } catch (IOException e) {
      return "gone";
    }
  }
}
