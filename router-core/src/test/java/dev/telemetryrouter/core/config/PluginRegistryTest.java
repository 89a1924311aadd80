package dev.telemetryrouter.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.spi.sink.SinkProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginRegistryTest {

  @TempDir Path jar;

  @Test
  void load_providersOnTheClassPath_areFoundByType() {
    PluginRegistry<SinkProvider> registry =
        PluginRegistry.load(
            "sink", SinkProvider.class, getClass().getClassLoader(), SinkProvider::type);

    assertThat(registry.types()).containsExactly("memory");
  }

  @Test
  void load_brokenRegistration_isReportedAndTheOthersStillLoad() throws IOException {
    Path services = Files.createDirectories(jar.resolve("META-INF/services"));
    Files.writeString(
        services.resolve(SinkProvider.class.getName()), "com.example.MissingSinkProvider\n");

    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
      PluginRegistry<SinkProvider> registry =
          PluginRegistry.load("sink", SinkProvider.class, loader, SinkProvider::type);
      Problems problems = new Problems();
      registry.reportLoadFailures(problems);

      assertThat(registry.types()).containsExactly("memory");
      assertThat(problems.list())
          .extracting(Problem::toString)
          .containsExactly(
              "(sink plugins): 'Provider com.example.MissingSinkProvider not found' — expected a"
                  + " provider that loads; fix or remove its jar");
    }
  }

  @Test
  void find_withNoPluginsInstalled_saysSo() {
    PluginRegistry<SinkProvider> registry =
        PluginRegistry.of("sink", List.<SinkProvider>of(), SinkProvider::type);
    Problems problems = new Problems();

    assertThat(registry.find("file", "sinks.a.type", problems)).isEmpty();
    assertThat(problems.list())
        .extracting(Problem::toString)
        .containsExactly(
            "sinks.a.type: 'file' — expected a sink type, but no sink plugins are installed");
  }
}
