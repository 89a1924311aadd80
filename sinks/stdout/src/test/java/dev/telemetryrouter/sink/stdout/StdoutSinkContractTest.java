package dev.telemetryrouter.sink.stdout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.sink.testkit.SinkContractTest;
import dev.telemetryrouter.spi.sink.SinkProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The shared sink contract, with stdout captured in memory. */
class StdoutSinkContractTest extends SinkContractTest {

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  @Override
  protected SinkProvider provider() {
    return new StdoutSinkProvider(() -> new PrintStream(captured, false, StandardCharsets.UTF_8));
  }

  @Override
  protected Map<String, Object> options() {
    return Map.of("prefix", StdoutSinkProvider.DEFAULT_PREFIX);
  }

  @Override
  protected List<String> received() {
    String text = captured.toString(StandardCharsets.UTF_8);
    if (text.isEmpty()) {
      return List.of();
    }
    assertThat(text).endsWith("\n");
    List<String> lines = List.of(text.substring(0, text.length() - 1).split("\n", -1));
    assertThat(lines).allMatch(line -> line.startsWith(StdoutSinkProvider.DEFAULT_PREFIX));
    return lines.stream()
        .map(line -> line.substring(StdoutSinkProvider.DEFAULT_PREFIX.length()))
        .toList();
  }
}
