package dev.telemetryrouter.sink.stdout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telemetryrouter.sink.testkit.BatchFactory;
import dev.telemetryrouter.sink.testkit.FakeClock;
import dev.telemetryrouter.sink.testkit.TestSinkContext;
import dev.telemetryrouter.spi.sink.SendContext;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkBatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StdoutSinkTest {

  private final FakeClock clock = new FakeClock();
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final StdoutSinkProvider provider =
      new StdoutSinkProvider(() -> new PrintStream(captured, false, StandardCharsets.UTF_8));

  @Test
  void send_withoutPrefixOption_startsEveryLineWithDefaultMarker() throws Exception {
    TestSinkContext context = TestSinkContext.of("console", Map.of());
    Sink sink = provider.create(context);
    BatchFactory factory = BatchFactory.forSink(sink, clock);
    SinkBatch batch = factory.batch(factory.records(2, "hello"));

    sink.send(batch, sendContext());

    String[] lines = captured.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0])
        .startsWith("[telemetry-router:stdout] {\"time\":\"2026-01-02T03:04:05.678Z\"")
        .contains("r000001 hello");
    assertThat(context.problemLines()).isEmpty();
  }

  @Test
  void send_withCustomPrefix_writesIt() throws Exception {
    Sink sink =
        provider.create(TestSinkContext.of("console", Map.of("prefix", "[telemetry-router] ")));
    BatchFactory factory = BatchFactory.forSink(sink, clock);

    sink.send(factory.batch(List.of(factory.record("x"))), sendContext());

    assertThat(captured.toString(StandardCharsets.UTF_8)).startsWith("[telemetry-router] {");
    assertThat(sink.limits().recordOverheadBytes()).isEqualTo("[telemetry-router] ".length() + 1);
  }

  @Test
  void create_withPrefixLackingMarker_recordsProblemNamingTheMarker() {
    TestSinkContext context = TestSinkContext.of("console", Map.of("prefix", "LOG "));

    provider.create(context).close();

    assertThat(context.problemLines())
        .containsExactly(
            "sinks.console.prefix: 'LOG ' is not valid: expected text starting with"
                + " [telemetry-router: or [telemetry-router], so the intake recognises the line"
                + " when Lambda sends it back");
  }

  @Test
  void create_withMarkerFollowedByOtherText_recordsProblem() {
    TestSinkContext context =
        TestSinkContext.of("console", Map.of("prefix", "[telemetry-routerX "));

    provider.create(context).close();

    assertThat(context.problemLines()).hasSize(1);
  }

  @Test
  void send_whenStdoutIsBroken_throwsFinalIoError() {
    OutputStream broken =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
          }
        };
    StdoutSinkProvider brokenProvider = new StdoutSinkProvider(() -> new PrintStream(broken));
    Sink sink = brokenProvider.create(TestSinkContext.of("console", Map.of()));
    BatchFactory factory = BatchFactory.forSink(sink, clock);

    assertThatThrownBy(() -> sink.send(factory.batch(List.of(factory.record("x"))), sendContext()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("sink=console type=stdout");
  }

  private SendContext sendContext() {
    return new SendContext(clock.instant().plusSeconds(10), 0, clock);
  }
}
