package dev.telemetryrouter.layer;

import dev.telemetryrouter.locallambda.LayerArchive;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The built layer zip, and the operations the tests do on an unpacked layer. */
final class LayerZip {

  private LayerZip() {}

  /** The zip the build made (the surefire configuration passes its path). */
  static Path built() {
    String path = System.getProperty("layer.zip");
    if (path == null) {
      throw new IllegalStateException("run through Maven: the layer.zip property is not set");
    }
    Path zip = Path.of(path);
    if (!Files.isRegularFile(zip)) {
      throw new IllegalStateException("no layer zip at " + zip + ": run ./mvnw -pl layer verify");
    }
    return zip;
  }

  /** Unpacks {@code zip} into {@code target} as Lambda does into /opt, with the zip's modes. */
  static void extract(Path zip, Path target) throws IOException {
    LayerArchive.extract(zip, target);
  }

  /** The modes the zip gives one entry, such as {@code extensions/telemetry-router}. */
  static Set<PosixFilePermission> modeInZip(Path zip, String entry) throws IOException {
    URI uri = URI.create("jar:" + zip.toUri());
    try (FileSystem fs =
        FileSystems.newFileSystem(uri, Map.of("enablePosixFileAttributes", true))) {
      return Files.getPosixFilePermissions(fs.getPath(entry));
    }
  }

  /**
   * The jar stamp as build-layer.sh computes it: the SHA-256 of the {@code sha256sum} lines of
   * every jar ({@code <hex> <name>}), sorted by name.
   */
  static String jarStamp(Path lib) throws IOException {
    List<Path> jars;
    try (Stream<Path> files = Files.list(lib)) {
      jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
    }
    StringBuilder lines = new StringBuilder();
    for (Path jar : jars) {
      lines.append(hex(sha256(Files.readAllBytes(jar)))).append("  ");
      lines.append(jar.getFileName()).append('\n');
    }
    return hex(sha256(lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
