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

  @Nested
  class Aggregated extends OnScriptedServer {

    @Override
    protected Map<String, Object> options() {
      return Map.of(
          "stream", "logs", "endpoint", server.endpoint().toString(), "aggregation", true);
    }

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

    /**
     * A small batch travels as one aggregate, and an aggregate fails or lands as a whole: failing
     * it makes every user record retryable, the ones at {@code indices} included.
     */
    @Override
    protected void failRecordsOnNextSend(Set<Integer> indices) {
      server.failRecordsNext(Set.of(0), "ProvisionedThroughputExceededException");
    }
  }
}
