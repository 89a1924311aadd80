package dev.telemetryrouter.sink.http;

import dev.telemetryrouter.sink.testkit.SinkContractTest;
import dev.telemetryrouter.spi.sink.SinkProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The shared sink contract against a fresh loopback {@link Intake} per test. */
abstract class IntakeContractTest extends SinkContractTest {

  protected Intake intake;

  /** The intake this format's contract runs against. */
  protected abstract Intake newIntake() throws Exception;

  /** The format's options, without {@code url}. */
  protected abstract Map<String, Object> formatOptions();

  /** The path the format posts to. */
  protected abstract String path();

  @BeforeEach
  void startIntake() throws Exception {
    intake = newIntake();
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
    return withUrl(intake.url(path()));
  }

  @Override
  protected Map<String, Object> unroutableOptions() {
    return withUrl("http://127.0.0.1:9" + path());
  }

  @Override
  protected void failWholeNextSend() {
    intake.then(Intake.status(503, "{\"error\":\"unavailable\"}"));
  }

  private Map<String, Object> withUrl(String url) {
    Map<String, Object> options = new LinkedHashMap<>(formatOptions());
    options.put("url", url);
    return options;
  }
}
