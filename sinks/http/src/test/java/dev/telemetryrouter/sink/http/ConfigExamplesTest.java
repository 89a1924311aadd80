package dev.telemetryrouter.sink.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.sink.testkit.TestSinkContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The HTTP examples in {@code config-examples/} create their sinks without a problem and with no
 * unread option. Only the sink's own options are checked here; the engine's keys ({@code batch},
 * {@code retry}, ...) are the engine's to validate.
 */
class ConfigExamplesTest {

  /** Keys the engine reads for every sink (see SinkContext). */
  private static final Set<String> ENGINE_KEYS =
      Set.of(
          "type", "when", "stages", "batch", "retry", "buffer", "flush", "oversize", "dead_letter");

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:-([^}]*))?}");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http-json.yaml",
        "http-elasticsearch.yaml",
        "http-splunk-hec.yaml",
        "http-loki.yaml"
      })
  @SuppressWarnings("unchecked")
  void example_createsItsHttpSinksWithoutProblems(String file) throws IOException {
    Map<String, Object> root = (Map<String, Object>) load(file);

    assertThat(root).containsEntry("version", 1);
    Map<String, Object> sinks = (Map<String, Object>) root.get("sinks");
    assertThat(sinks).isNotEmpty();
    for (Map.Entry<String, Object> sink : sinks.entrySet()) {
      Map<String, Object> options = new LinkedHashMap<>((Map<String, Object>) sink.getValue());
      assertThat(options).containsEntry("type", "http");
      options.keySet().removeAll(ENGINE_KEYS);
      TestSinkContext context = TestSinkContext.of(sink.getKey(), options);

      new HttpSinkProvider().create(context).close();

      assertThat(context.problemLines()).as(file).isEmpty();
      assertThat(context.config().unknownKeys()).as(file).isEmpty();
    }
  }

  /** Reads the file with every {@code ${VAR}} given its default or a sample value. */
  private static Object load(String file) throws IOException {
    Path path = Path.of("..", "..", "config-examples", file);
    Matcher matcher = VARIABLE.matcher(Files.readString(path));
    String text =
        matcher.replaceAll(m -> Matcher.quoteReplacement(m.group(3) != null ? m.group(3) : "x1"));
    return new Load(LoadSettings.builder().build()).loadFromString(text);
  }
}
