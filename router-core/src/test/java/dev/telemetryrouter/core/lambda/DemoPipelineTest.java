package dev.telemetryrouter.core.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.core.config.ConfigException;
import dev.telemetryrouter.core.config.ConfigSource;
import dev.telemetryrouter.core.config.LoadEnvironment;
import dev.telemetryrouter.core.config.LoadedConfig;
import dev.telemetryrouter.core.config.RoutingConfigLoader;
import dev.telemetryrouter.core.encode.RecordEncoder;
import dev.telemetryrouter.core.engine.NamedStage;
import dev.telemetryrouter.spi.FunctionContext;
import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.stage.StageResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README demo end to end inside the extension: the lines {@code
 * config-examples/demo/function.sh} prints, as a Telemetry API delivery, through the intake's
 * decoder and assembler and then the pipeline of {@code config-examples/local-file.yaml} as written
 * (its file sinks swapped for the test's memory sink, which router-core's tests have).
 */
class DemoPipelineTest {

  private static final Path EXAMPLES = Path.of("..", "config-examples");

  /** {@code echo '...'} or {@code echo "..."} lines of the demo function, stdout only. */
  private static final Pattern ECHO = Pattern.compile("(?m)^echo (['\"])(.*)\\1$");

  private static final FunctionContext FUNCTION =
      new FunctionContext("demo-fn", "$LATEST", "eu-west-1", 128, null);

  @Test
  void demoJsonLines_throughIntakeAndPipeline_becomeFields() throws IOException {
    List<TelemetryRecord> records = runDemo();

    TelemetryRecord order = printed(records, "o-1042");
    TelemetryRecord slow = printed(records, "slow downstream call");
    TelemetryRecord failed = printed(records, "acme-pay");

    assertThat(order.fields())
        .containsEntry("orderId", "o-1042")
        .containsEntry("amountCents", new BigDecimal("1999"))
        .containsEntry("message", "order accepted")
        .containsEntry("service", "demo-fn");
    assertThat(slow.fields()).containsEntry("ms", new BigDecimal("812"));
    assertThat(failed.fields())
        .containsEntry("provider", "acme-pay")
        .containsEntry("level", "ERROR")
        .containsEntry("message", "payment provider timed out");
  }

  @Test
  void demoLineWithAnEmail_throughIntakeAndPipeline_keepsNoneOfItInTheEncodedRecord()
      throws IOException {
    List<TelemetryRecord> records = runDemo();

    TelemetryRecord personal = printed(records, "START handling order");
    String encoded = new String(RecordEncoder.json(personal), StandardCharsets.UTF_8);

    assertThat(encoded).doesNotContain("jane.doe", "example.com").contains("[REDACTED:email]");
  }

  private static List<TelemetryRecord> runDemo() throws IOException {
    List<NamedStage> pipeline = demoPipeline();
    List<TelemetryRecord> out = new ArrayList<>();
    for (TelemetryRecord record : intake(printedLines())) {
      TelemetryRecord current = record;
      for (NamedStage stage : pipeline) {
        current = ((StageResult.Keep) stage.stage().apply(current)).record();
      }
      out.add(current);
    }
    return out;
  }

  private static List<String> printedLines() throws IOException {
    String script = Files.readString(EXAMPLES.resolve("demo/function.sh"), StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    Matcher echo = ECHO.matcher(script);
    while (echo.find()) {
      lines.add(echo.group(2));
    }
    assertThat(lines).as("echo lines of the demo function").hasSizeGreaterThan(4);
    return lines;
  }

  /** The lines as one text-format delivery, through the intake's decoder and assembler. */
  private static List<TelemetryRecord> intake(List<String> lines) {
    List<Map<String, Object>> events = new ArrayList<>();
    for (String line : lines) {
      events.add(
          Map.of("time", "2026-12-04T10:15:30.000Z", "type", "function", "record", line + "\n"));
    }
    byte[] body = Json.write(events).getBytes(StandardCharsets.UTF_8);
    DeliveryDecoder.Result decoded = new DeliveryDecoder().decode(body);
    RecordAssembler assembler =
        new RecordAssembler(FUNCTION, "demo", InstantSource.fixed(Instant.EPOCH));
    assertThat(decoded.malformed()).isFalse();
    return decoded.events().stream().map(assembler::assemble).toList();
  }

  /** The demo's pipeline as written; only its sinks are replaced. */
  private static List<NamedStage> demoPipeline() throws IOException {
    String yaml = Files.readString(EXAMPLES.resolve("local-file.yaml"), StandardCharsets.UTF_8);
    String withMemorySink =
        yaml.substring(0, yaml.indexOf("\nsinks:"))
            + "\nsinks:\n  all: {type: memory, target: x}\n";
    LoadEnvironment environment =
        new LoadEnvironment(
            Map.of(), FUNCTION, InstantSource.fixed(Instant.EPOCH), new SplittableRandom(7));
    try {
      LoadedConfig config =
          RoutingConfigLoader.fromServiceLoader(DemoPipelineTest.class.getClassLoader(), List.of())
              .load(new ConfigSource("local-file.yaml", withMemorySink), environment);
      return config.plan().pipeline();
    } catch (ConfigException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private static TelemetryRecord printed(List<TelemetryRecord> records, String text) {
    return records.stream()
        .filter(record -> record.payload().toString().contains(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no demo line holds " + text));
  }
}
