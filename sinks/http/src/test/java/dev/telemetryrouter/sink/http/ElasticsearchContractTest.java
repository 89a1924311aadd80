package dev.telemetryrouter.sink.http;

import dev.telemetryrouter.sink.testkit.SinkContractTest;
import dev.telemetryrouter.spi.sink.SinkProvider;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The shared sink contract, for the Elasticsearch bulk format with per-item answers. */
class ElasticsearchContractTest extends SinkContractTest {

  private Intake intake;
  private BulkResponder bulk;

  @BeforeEach
  void startIntake() throws Exception {
    bulk = new BulkResponder();
    intake = new Intake().byDefault(bulk);
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
    return Map.of("url", intake.url("/_bulk"), "format", "elasticsearch", "index", "logs");
  }

  @Override
  protected List<String> received() {
    return bulk.accepted();
  }

  @Override
  protected Map<String, Object> unroutableOptions() {
    return Map.of("url", "http://127.0.0.1:9/_bulk", "format", "elasticsearch", "index", "x");
  }

  @Override
  protected void failRecordsOnNextSend(Set<Integer> indices) {
    bulk.failNext(indices.stream().collect(Collectors.toMap(i -> i, i -> 429)));
  }

  @Override
  protected void failWholeNextSend() {
    intake.then(Intake.status(503, "{\"error\":\"unavailable\"}"));
  }
}
