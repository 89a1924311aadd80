package dev.telemetryrouter.sink.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.telemetryrouter.spi.sink.OutgoingRecord;
import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.RetryableSinkException;
import dev.telemetryrouter.spi.sink.SendContext;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkBatch;
import dev.telemetryrouter.spi.sink.SinkProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;

/**
 * The hooks a sink's contract test implements, and the helpers the contract tests (and a sink's own
 * tests) use. See {@link SinkContractTest}.
 */
public abstract class SinkContractHooks {

  /** The sink name every contract test uses: options live at {@code sinks.contract}. */
  public static final String SINK_NAME = "contract";

  /** How long a send may take by the deadline the kit passes: ample for a loopback server. */
  protected static final Duration SEND_BUDGET = Duration.ofSeconds(30);

  /** Resends after a failure before the kit gives up; a healthy destination needs one. */
  private static final int MAX_ATTEMPTS = 5;

  /** The clock of every context and send; tests may advance it. */
  protected final FakeClock clock = new FakeClock();

  private final List<Sink> created = new ArrayList<>();

  // ---- Required hooks ----

  /** The provider under test, as ServiceLoader would create it or wired to a test destination. */
  protected abstract SinkProvider provider();

  /** Valid options that point the sink at this test's destination. */
  protected abstract Map<String, Object> options();

  /**
   * Every record the destination has received since the test began, in arrival order, each as its
   * UTF-8 text with the sink's framing removed (newline, separator, prefix, array punctuation), so
   * that it equals the {@code data} the kit sent.
   */
  protected abstract List<String> received() throws Exception;

  // ---- Optional hooks: a test that needs one the subclass does not override is skipped ----

  /** Whether the destination keeps the order of one batch's records; most do. */
  protected boolean preservesOrder() {
    return true;
  }

  /** Whether {@link #provider()}'s class is listed in {@code META-INF/services}; most are. */
  protected boolean registeredWithServiceLoader() {
    return true;
  }

  /**
   * Options that point the sink at an address where nothing answers (for network sinks, such as
   * {@code http://127.0.0.1:9} or a closed port), to prove creation does not connect.
   */
  protected Map<String, Object> unroutableOptions() {
    return Assumptions.abort("override unroutableOptions(): the sink has no network endpoint");
  }

  /**
   * Makes the destination fail the records at {@code indices} of the next send with a retryable
   * per-record error (as Firehose's FailedPutCount or Kinesis's FailedRecordCount report), keeping
   * none of them, while it accepts the others.
   */
  protected void failRecordsOnNextSend(Set<Integer> indices) {
    Assumptions.abort("override failRecordsOnNextSend(): the destination cannot fail per record");
  }

  /**
   * Makes the destination refuse the whole next request in a retryable way (throttling, a 5xx, a
   * reset) and keep none of its records.
   */
  protected void failWholeNextSend() {
    Assumptions.abort("override failWholeNextSend(): the destination cannot fail on demand");
  }

  // ---- Helpers ----

  /** A context for this test's sink with {@code options}, on {@link #clock}. */
  protected TestSinkContext context(Map<String, ? extends Object> options) {
    return TestSinkContext.builder(SINK_NAME).options(options).clock(clock).build();
  }

  /** Creates a sink with {@code options}; fails the test if the provider recorded a problem. */
  protected Sink createSink(Map<String, ? extends Object> options) {
    TestSinkContext context = context(options);
    Sink sink = provider().create(context);
    created.add(sink);
    assertThat(context.problemLines()).as("configuration problems").isEmpty();
    return sink;
  }

  /** Creates a sink with {@link #options()} and starts it, as the engine does. */
  protected Sink createStartedSink() {
    Sink sink = createSink(options());
    try {
      sink.start();
    } catch (Exception e) {
      throw new AssertionError("start() failed: " + e, e);
    }
    return sink;
  }

  /** A batch factory for {@code sink}'s limits and encoding. */
  protected BatchFactory factory(Sink sink) {
    return BatchFactory.forSink(sink, clock);
  }

  /** Sends {@code batch} as attempt {@code attempt} with {@link #SEND_BUDGET} as the deadline. */
  protected SendResult send(Sink sink, SinkBatch batch, int attempt) throws Exception {
    return sink.send(batch, new SendContext(clock.instant().plus(SEND_BUDGET), attempt, clock));
  }

  /** Like {@link #send}, but a {@link RetryableSinkException} reads as every record retryable. */
  protected SendResult sendCatchingRetryable(Sink sink, SinkBatch batch, int attempt)
      throws Exception {
    try {
      return send(sink, batch, attempt);
    } catch (RetryableSinkException e) {
      return SendResult.all(batch.size(), RecordOutcome.retryable(e.getMessage()));
    }
  }

  /**
   * Does what the engine does after {@code first}: resends only the records reported retryable,
   * keeping the batch id and raising each record's attempt, until none is retryable. Records
   * reported delivered or rejected are never sent again.
   *
   * @return each record's final outcome, by record id
   */
  protected Delivery deliverWithRetries(
      Sink sink, BatchFactory factory, SinkBatch batch, SendResult first) throws Exception {
    Map<String, RecordOutcome> finalOutcomes = new LinkedHashMap<>();
    SinkBatch current = batch;
    SendResult result = first;
    for (int attempt = 1; ; attempt++) {
      assertOutcomeCount(result, current);
      List<Integer> again = new ArrayList<>();
      for (int i = 0; i < current.size(); i++) {
        RecordOutcome outcome = result.outcomes().get(i);
        finalOutcomes.put(current.records().get(i).id(), outcome);
        if (outcome instanceof RecordOutcome.Retryable) {
          again.add(i);
        }
      }
      if (again.isEmpty()) {
        return new Delivery(finalOutcomes, attempt);
      }
      if (attempt == MAX_ATTEMPTS) {
        return fail("%d records still retryable after %d sends", again.size(), attempt);
      }
      current = factory.retry(current, again);
      result = sendCatchingRetryable(sink, current, attempt);
    }
  }

  /** Asserts one Delivered outcome per record of {@code batch}. */
  protected static void assertAllDelivered(SendResult result, SinkBatch batch) {
    assertOutcomeCount(result, batch);
    assertThat(result.outcomes())
        .as("outcomes of batch %s", batch.id())
        .allMatch(outcome -> outcome instanceof RecordOutcome.Delivered);
  }

  /** Asserts the destination holds exactly {@code records}, each once, and nothing else. */
  protected void assertReceivedExactlyOnce(List<OutgoingRecord> records) throws Exception {
    ReceivedCheck.assertExactlyOnce(received(), records);
  }

  /** {@link #assertAllDelivered} and {@link #assertReceivedExactlyOnce} for one batch. */
  protected void assertDeliveredOnce(SendResult result, SinkBatch batch) throws Exception {
    assertAllDelivered(result, batch);
    assertReceivedExactlyOnce(batch.records());
  }

  private static void assertOutcomeCount(SendResult result, SinkBatch batch) {
    assertThat(result.isTooLarge())
        .as("batch %s within the declared limits was refused as too large", batch.id())
        .isFalse();
    assertThat(result.outcomes()).as("one outcome per record").hasSize(batch.size());
  }

  @AfterEach
  void closeCreatedSinks() {
    for (Sink sink : created) {
      sink.close();
    }
    created.clear();
  }
}
