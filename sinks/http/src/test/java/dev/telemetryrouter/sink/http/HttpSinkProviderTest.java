package dev.telemetryrouter.sink.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.telemetryrouter.sink.testkit.BatchFactory;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkBatch;
import dev.telemetryrouter.spi.sink.SinkProvider;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpSinkProviderTest {

  private final SinkHarness harness = new SinkHarness();
  private Intake intake;

  @BeforeEach
  void start() throws Exception {
    intake = new Intake();
  }

  @AfterEach
  void stop() {
    harness.close();
    intake.close();
  }

  @Test
  void serviceLoader_findsTheProviderUnderTypeHttp() {
    List<String> types =
        ServiceLoader.load(SinkProvider.class).stream().map(p -> p.get().type()).toList();

    assertThat(types).contains("http");
  }

  @Test
  void send_whenEscapedBodyOutgrowsMaxBodyBytes_asksForASplitWithoutARequest() throws Exception {
    Sink sink =
        harness.sink(Map.of("url", intake.url("/push"), "format", "loki", "max_body_bytes", "4KB"));
    BatchFactory factory = harness.factory(sink);
    String quotes = "\"".repeat((int) sink.limits().maxBytesPerRecord() / 3);
    SinkBatch batch = factory.batch(List.of(factory.record(quotes), factory.record("x")));

    SendResult result = harness.send(sink, batch);

    assertThat(result.isTooLarge()).isTrue();
    assertThat(result.tooLargeReason()).contains("max_body_bytes 4000");
    assertThat(intake.received()).isEmpty();
  }

  @Test
  void send_afterClose_failsWithoutARequest() throws Exception {
    Sink sink = harness.sink(Map.of("url", intake.url("/in")));
    BatchFactory factory = harness.factory(sink);
    sink.close();

    IllegalStateException failure =
        catchThrowableOfType(
            IllegalStateException.class,
            () -> harness.send(sink, factory.batch(factory.records(1, "late"))));

    assertThat(failure).hasMessageContaining("closed");
    assertThat(intake.received()).isEmpty();
  }
}
