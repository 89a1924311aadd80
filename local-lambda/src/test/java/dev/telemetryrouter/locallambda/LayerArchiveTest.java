package dev.telemetryrouter.locallambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerArchiveTest {

  @TempDir Path temp;

  @Test
  void extract_keepsTheModesTheZipRecords() throws IOException {
    Path zip = temp.resolve("layer.zip");
    try (FileSystem fs =
        FileSystems.newFileSystem(
            URI.create("jar:" + zip.toUri()),
            Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
      Files.createDirectories(fs.getPath("/extensions"));
      Path launcher = Files.writeString(fs.getPath("/extensions/my-ext"), "#!/bin/sh\n");
      Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.createDirectories(fs.getPath("/my-ext"));
      Path config = Files.writeString(fs.getPath("/my-ext/config.yaml"), "a: 1\n");
      Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
    }

    LayerArchive.extract(zip, temp.resolve("opt"));

    Path opt = temp.resolve("opt");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(opt.resolve("extensions/my-ext"))))
        .isEqualTo("rwxr-xr-x");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(opt.resolve("my-ext/config.yaml"))))
        .isEqualTo("rw-r--r--");
    assertThat(opt.resolve("my-ext/config.yaml")).hasContent("a: 1");
  }
}
