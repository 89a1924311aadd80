package dev.telemetryrouter.benchmarks.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariantTest {

  @TempDir Path dir;

  @Test
  void prepare_withoutFlags_takesOnlyThoseLinesOutOfJvmOptions() throws Exception {
    Path unpacked = layerWithOptions("-XX:+UseSerialGC", "-Xms8m", "-XX:-UsePerfData");
    Variant variant = Variant.withOptions("no-pd=without -XX:-UsePerfData -Xms8m");

    Path layer = variant.prepare(unpacked, dir.resolve("variants"), dir);

    assertThat(Files.readAllLines(layer.resolve("telemetry-router/jvm.options")))
        .containsExactly("-XX:+UseSerialGC");
    assertThat(variant.javaOpts()).isEmpty();
  }

  @Test
  void prepare_withoutAFlagTheLayerDoesNotHave_failsNamingIt() throws Exception {
    Path unpacked = layerWithOptions("-XX:+UseSerialGC");
    Variant variant = Variant.withOptions("odd=without -XX:+UseG1GC");

    assertThatThrownBy(() -> variant.prepare(unpacked, dir.resolve("variants"), dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-XX:+UseG1GC");
  }

  @Test
  void withOptions_addingOptions_keepsJvmOptionsAndPassesThemOn() {
    Variant variant = Variant.withOptions("small=-Xmx32m -Xmn2m");

    assertThat(variant.javaOpts()).isEqualTo("-Xmx32m -Xmn2m");
    assertThat(variant.withoutFlags()).isEmpty();
  }

  private Path layerWithOptions(String... lines) throws IOException {
    Path unpacked = dir.resolve("opt");
    Path home = Files.createDirectories(unpacked.resolve("telemetry-router"));
    Files.write(home.resolve("jvm.options"), List.of(lines));
    return unpacked;
  }
}
