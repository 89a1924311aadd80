package dev.telemetryrouter.sink.kinesis;

import dev.telemetryrouter.sink.testkit.SinkContractTest;
import dev.telemetryrouter.sink.testkit.TestSinkContext;
import dev.telemetryrouter.spi.sink.SinkProvider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/** The shared sink contract, failure hooks included, against the scripted PutRecords server. */
class KinesisScriptedContractTest {

  /** One server per test; what it stored is what the contract reads back. */
  abstract static class OnScriptedServer extends SinkContractTest {

    ScriptedKinesisServer server;

    @BeforeEach
    void startServer() throws Exception {
      server = new ScriptedKinesisServer();
    }

    @AfterEach
    void stopServer() throws Exception {
      server.close();
    }

    @Override
    protected SinkProvider provider() {
      return new KinesisSinkProvider();
    }

    @Override
    protected TestSinkContext context(Map<String, ? extends Object> options) {
      return TestSinks.context(SINK_NAME, options);
    }

    @Override
    protected Map<String, Object> unroutableOptions() {
      return Map.of("stream", "logs", "endpoint", "http://127.0.0.1:9");
    }

    @Override
    protected void failWholeNextSend() {
      server.failCallNext(500, "errors/InternalFailure.json");
    }
  }

  @Nested
  class Plain extends OnScriptedServer {

    @Override
    protected Map<String, Object> options() {
      return Map.of("stream", "logs", "endpoint", server.endpoint().toString());
    }

    @Override
    protected List<String> received() {
      return server.stored().stream()
          .map(stored -> new String(stored.data(), StandardCharsets.UTF_8))
          .toList();
    }

    @Override
    protected void failRecordsOnNextSend(Set<Integer> indices) {
      server.failRecordsNext(indices, "ProvisionedThroughputExceededException");
    }
  }

  /** What both aggregated variants read back: the stored aggregates, de-aggregated by the KCL. */
  abstract static class Deaggregating extends OnScriptedServer {

    @Override
    protected List<String> received() {
      List<String> texts = new ArrayList<>();
      for (ScriptedKinesisServer.Stored stored : server.stored()) {
        for (var user : KplAggregateTest.deaggregate(stored.data(), stored.partitionKey())) {
          texts.add(new String(KplAggregateTest.bytes(user.data()), StandardCharsets.UTF_8));
        }
      }
      return texts;
    }
  }

  /**
   * Aggregation with random keys: records share aggregates, so the record and byte limits under
   * test are the aggregated ones. An aggregate fails or lands as a whole, so the per-record failure
   * hook does not apply here; {@link AggregatedKeyPerRecord} and {@link ScriptedFailuresTest} cover
   * partial failures of aggregates.
   */
  @Nested
  class Aggregated extends Deaggregating {

    @Override
    protected Map<String, Object> options() {
      return Map.of(
          "stream", "logs", "endpoint", server.endpoint().toString(), "aggregation", true);
    }
  }

  /**
   * Aggregation with a key template that differs per record: every record travels in an aggregate
   * of its own, so failing request record {@code i} fails exactly user record {@code i}.
   */
  @Nested
  class AggregatedKeyPerRecord extends Deaggregating {

    @Override
    protected Map<String, Object> options() {
      return Map.of(
          "stream",
          "logs",
          "endpoint",
          server.endpoint().toString(),
          "aggregation",
          true,
          "partition_key",
          "{id}");
    }

    @Override
    protected void failRecordsOnNextSend(Set<Integer> indices) {
      server.failRecordsNext(indices, "ProvisionedThroughputExceededException");
    }
  }
}
