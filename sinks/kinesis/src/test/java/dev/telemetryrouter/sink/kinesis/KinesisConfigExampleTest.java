package dev.telemetryrouter.sink.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.sink.testkit.TestSinkContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** {@code config-examples/kinesis.yaml} creates its sink with no problem and no unread option. */
class KinesisConfigExampleTest {

  @Test
  @SuppressWarnings("unchecked")
  void example_createsItsKinesisSinkWithoutProblems() throws Exception {
    String text = Files.readString(Path.of("..", "..", "config-examples", "kinesis.yaml"));
    String resolved = text.replaceAll("\\$\\{[A-Z0-9_]+:-([^}]*)}", "$1");
    Map<String, Object> root =
        (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(resolved);

    Map<String, Object> options =
        new LinkedHashMap<>((Map<String, Object>) ((Map<?, ?>) root.get("sinks")).get("stream"));
    assertThat(options.remove("type")).isEqualTo("kinesis");
    TestSinkContext context = TestSinks.context("stream", options);
    new KinesisSinkProvider().create(context).close();

    assertThat(root).containsEntry("version", 1);
    assertThat(context.problemLines()).isEmpty();
    assertThat(context.config().unknownKeys()).isEmpty();
  }
}
