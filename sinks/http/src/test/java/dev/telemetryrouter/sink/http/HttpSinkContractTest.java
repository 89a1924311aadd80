package dev.telemetryrouter.sink.http;

import dev.telemetryrouter.sink.testkit.SinkContractTest;
import dev.telemetryrouter.spi.sink.SinkProvider;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The shared sink contract, for the generic JSON lines format against a local intake. */
class HttpSinkContractTest extends SinkContractTest {

  private Intake intake;

  @BeforeEach
  void startIntake() throws Exception {
    intake = new Intake();
  }

  @AfterEach
  void stopIntake() {
    intake.close();
  }

  @Override
  protected SinkProvider provider() {
    return new HttpSinkProvider();
  }

  @Override
  protected Map<String, Object> options() {
    return Map.of("url", intake.url("/ingest"), "format", "json", "body", "json_lines");
  }

  @Override
  protected List<String> received() {
    return intake.acceptedBodies().stream()
        .flatMap(body -> Arrays.stream(body.split("\n")))
        .toList();
  }

  @Override
  protected Map<String, Object> unroutableOptions() {
    return Map.of("url", "http://127.0.0.1:9/ingest");
  }

  @Override
  protected void failWholeNextSend() {
    intake.then(Intake.status(503, "{\"error\":\"busy\"}"));
  }
}
