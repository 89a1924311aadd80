package dev.telemetryrouter.benchmarks.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompressedRuntimeTest {

  @TempDir Path dir;

  @Test
  void modules_ofLayerRuntimeRelease_areCommaSeparatedForJlink() throws IOException {
    String release = fixture("runtime-release");

    String modules = CompressedRuntime.modules(release, Path.of("release"));

    assertThat(modules)
        .isEqualTo(
            "java.base,java.logging,java.security.sasl,java.naming,java.net.http,java.xml,"
                + "jdk.httpserver,jdk.unsupported");
  }

  @Test
  void modules_whenReleaseHasNoModulesLine_namesTheFile() {
    String release = "JAVA_VERSION=\"25.0.3\"\n";

    assertThatThrownBy(() -> CompressedRuntime.modules(release, Path.of("x/release")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("MODULES")
        .hasMessageContaining("x/release");
  }

  @Test
  void replace_whenHarnessJdkIsAnotherVersion_refusesAndKeepsTheRuntime() throws IOException {
    Path runtime = Files.createDirectories(dir.resolve("runtime"));
    Files.writeString(runtime.resolve("release"), fixture("runtime-release"));
    Path jdk = Files.createDirectories(dir.resolve("jdk"));
    Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25.0.4\"\nMODULES=\"java.base\"\n");

    assertThatThrownBy(() -> CompressedRuntime.replace(runtime, jdk))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("25.0.3")
        .hasMessageContaining("25.0.4");

    assertThat(runtime.resolve("release")).exists();
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = CompressedRuntimeTest.class.getResourceAsStream("/startup/" + name)) {
      return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
