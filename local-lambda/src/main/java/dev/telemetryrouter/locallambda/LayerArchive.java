package dev.telemetryrouter.locallambda;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Unpacks a layer zip into a folder the way Lambda unpacks layers into {@code /opt}: every entry
 * with the Unix mode the zip records, so that {@code extensions/*} stay executable. The folder can
 * then be given to {@link LocalLambdaBuilder#layer(Path)}.
 */
public final class LayerArchive {

  private LayerArchive() {}

  /** Unpacks {@code zip} into {@code target} (created if needed), keeping each entry's mode. */
  public static void extract(Path zip, Path target) throws IOException {
    URI uri = URI.create("jar:" + zip.toUri());
    try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of("enablePosixFileAttributes", true));
        Stream<Path> entries = Files.walk(fs.getPath("/"))) {
      for (Path entry : entries.toList()) {
        Path out = target.resolve(entry.toString().substring(1));
        if (Files.isDirectory(entry)) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(entry, out, StandardCopyOption.REPLACE_EXISTING);
          Files.setPosixFilePermissions(out, Files.getPosixFilePermissions(entry));
        }
      }
    }
  }
}
