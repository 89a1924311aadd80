package dev.telemetryrouter.sink.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.telemetryrouter.sink.testkit.BatchFactory;
import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.RetryableSinkException;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkBatch;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk partial failures and idempotency ids, against a loopback bulk endpoint. */
class ElasticsearchBulkTest {

  private static final Pattern ACTION_ID =
      Pattern.compile("\\{\"create\":\\{[^}]*\"_id\":\"([^\"]+)\"");

  private final SinkHarness harness = new SinkHarness();
  private final BulkResponder bulk = new BulkResponder();
  private Intake intake;
  private Sink sink;

  @BeforeEach
  void start() throws Exception {
    intake = new Intake().byDefault(bulk);
    sink =
        harness.sink(
            Map.of("url", intake.url("/_bulk"), "format", "elasticsearch", "index", "logs"));
  }

  @AfterEach
  void stop() {
    harness.close();
    intake.close();
  }

  @Test
  void send_whenBulkReportsItemErrors_retriesOnlyRetryableItemsAndRejectsTheRest()
      throws Exception {
    BatchFactory factory = harness.factory(sink);
    SinkBatch batch = factory.batch(factory.records(5, "bulk"));
    bulk.failNext(Map.of(1, 429, 2, 400, 3, 503));

    SendResult first = harness.send(sink, batch);
    SinkBatch retry = factory.retry(batch, List.of(1, 3));
    SendResult second = harness.send(sink, retry);

    assertThat(first.outcomes().get(0)).isEqualTo(RecordOutcome.DELIVERED);
    assertThat(first.outcomes().get(1)).isInstanceOf(RecordOutcome.Retryable.class);
    assertThat(first.outcomes().get(2))
        .isEqualTo(RecordOutcome.rejected("HTTP 400: test_error_400: scripted"));
    assertThat(first.outcomes().get(3)).isInstanceOf(RecordOutcome.Retryable.class);
    assertThat(first.outcomes().get(4)).isEqualTo(RecordOutcome.DELIVERED);
    assertThat(second.outcomes()).containsExactly(RecordOutcome.DELIVERED, RecordOutcome.DELIVERED);
    assertThat(idsIn(intake.received().get(1).body())).containsExactly("rec-000002", "rec-000004");
  }

  @Test
  void send_retriedAfter503_keepsBatchIdHeaderAndDocumentIds() throws Exception {
    BatchFactory factory = harness.factory(sink);
    SinkBatch batch = factory.batch(factory.records(3, "again"));
    intake.then(Intake.status(503, "{}"));

    catchThrowableOfType(RetryableSinkException.class, () -> harness.send(sink, batch));
    SendResult resend = harness.send(sink, factory.retry(batch, List.of(0, 1, 2)));

    assertThat(resend.outcomes()).containsOnly(RecordOutcome.DELIVERED);
    List<Intake.Received> requests = intake.received();
    assertThat(requests).hasSize(2);
    assertThat(requests)
        .extracting(r -> r.header(HttpSink.BATCH_ID_HEADER))
        .containsExactly(batch.id(), batch.id());
    assertThat(idsIn(requests.get(0).body()))
        .containsExactly("rec-000001", "rec-000002", "rec-000003")
        .isEqualTo(idsIn(requests.get(1).body()));
  }

  @Test
  void send_whenDocumentAlreadyCreated_countsTheConflictAsDelivered() throws Exception {
    BatchFactory factory = harness.factory(sink);
    SinkBatch batch = factory.batch(factory.records(2, "twice"));
    harness.send(sink, batch);

    SendResult duplicate = harness.send(sink, batch);

    assertThat(duplicate.outcomes()).containsOnly(RecordOutcome.DELIVERED);
    assertThat(bulk.accepted()).hasSize(2);
  }

  private static List<String> idsIn(String body) {
    Matcher matcher = ACTION_ID.matcher(body);
    return matcher.results().map(m -> m.group(1)).toList();
  }
}
