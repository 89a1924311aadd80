package dev.telemetryrouter.benchmarks.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerFilesTest {

  @TempDir Path dir;

  @Test
  void zippedSize_ofRepetitiveText_isFarBelowItsSize() throws IOException {
    Path layer = Files.createDirectories(dir.resolve("layer/telemetry-router"));
    Files.writeString(layer.resolve("lines.txt"), "a line of ordinary length\n".repeat(40_000));

    long zipped = LayerFiles.zippedSize(dir.resolve("layer"));

    assertThat(zipped).isPositive().isLessThan(LayerFiles.size(dir.resolve("layer")) / 20);
  }

  @Test
  void zippedSize_ofRandomBytes_isNotBelowTheirSize() throws IOException {
    byte[] noise = new byte[256 * 1024];
    new SplittableRandom(7).nextBytes(noise);
    Files.write(Files.createDirectories(dir.resolve("layer")).resolve("noise.bin"), noise);

    long zipped = LayerFiles.zippedSize(dir.resolve("layer"));

    assertThat(zipped).isGreaterThanOrEqualTo(noise.length);
  }

  @Test
  void zippedSize_matchesTheSizeOfTheSameZipWritten() throws IOException {
    Path layer = Files.createDirectories(dir.resolve("layer/telemetry-router/lib"));
    Files.writeString(layer.resolve("a.txt"), "alpha\n".repeat(1000));
    Files.writeString(layer.resolve("b.txt"), "beta\n");
    Path written = dir.resolve("written.zip");

    long counted = LayerFiles.zippedSize(dir.resolve("layer"));
    try (var out = Files.newOutputStream(written)) {
      LayerFiles.zip(dir.resolve("layer"), out);
    }

    assertThat(counted).isEqualTo(Files.size(written));
    try (ZipFile zip = new ZipFile(written.toFile())) {
      assertThat(zip.getEntry("telemetry-router/lib/a.txt").getSize()).isEqualTo(6000);
    }
  }

  @Test
  void sizeAndZip_countALinkedFileAsACopy_andSkipALinkedFolder() throws IOException {
    Path legal = Files.createDirectories(dir.resolve("layer/runtime/legal/java.base"));
    Files.writeString(legal.resolve("LICENSE"), "the license text\n".repeat(100));
    Path other = Files.createDirectories(dir.resolve("layer/runtime/legal/java.xml"));
    Files.createSymbolicLink(other.resolve("LICENSE"), Path.of("../java.base/LICENSE"));
    Files.createSymbolicLink(dir.resolve("layer/jdk"), Files.createDirectories(dir.resolve("far")));
    Files.writeString(dir.resolve("far/big.bin"), "x".repeat(10_000));
    Path written = dir.resolve("written.zip");

    long size = LayerFiles.size(dir.resolve("layer"));
    try (var out = Files.newOutputStream(written)) {
      LayerFiles.zip(dir.resolve("layer"), out);
    }

    assertThat(size).isEqualTo(2 * 1700);
    try (ZipFile zip = new ZipFile(written.toFile())) {
      assertThat(zip.getEntry("runtime/legal/java.xml/LICENSE").getSize()).isEqualTo(1700);
      assertThat(zip.stream().map(ZipEntry::getName)).noneMatch(name -> name.startsWith("jdk"));
    }
  }
}
