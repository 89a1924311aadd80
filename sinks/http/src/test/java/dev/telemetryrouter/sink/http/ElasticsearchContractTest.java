package dev.telemetryrouter.sink.http;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The shared sink contract, for the Elasticsearch bulk format with per-item answers. */
class ElasticsearchContractTest extends IntakeContractTest {

  private final BulkResponder bulk = new BulkResponder();

  @Override
  protected Intake newIntake() throws Exception {
    return new Intake().byDefault(bulk);
  }

  @Override
  protected Map<String, Object> formatOptions() {
    return Map.of("format", "elasticsearch", "index", "logs");
  }

  @Override
  protected String path() {
    return "/_bulk";
  }

  @Override
  protected List<String> received() {
    return bulk.accepted();
  }

  @Override
  protected void failRecordsOnNextSend(Set<Integer> indices) {
    bulk.failNext(indices.stream().collect(Collectors.toMap(i -> i, i -> 429)));
  }
}
