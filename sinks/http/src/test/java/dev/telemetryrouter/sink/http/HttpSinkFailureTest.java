package dev.telemetryrouter.sink.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.telemetryrouter.sink.testkit.BatchFactory;
import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.RetryableSinkException;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkBatch;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One test per way an intake or the network can fail, against a real server on 127.0.0.1. */
class HttpSinkFailureTest {

  private Intake intake;
  private final SinkHarness harness = new SinkHarness();

  @BeforeEach
  void startIntake() throws Exception {
    intake = new Intake();
  }

  @AfterEach
  void stop() {
    harness.close();
    intake.close();
  }

  private Sink jsonSink() throws Exception {
    return harness.sink(Map.of("url", intake.url("/ingest")));
  }

  @Test
  void send_when503_throwsRetryableAndTheResendDelivers() throws Exception {
    Sink sink = jsonSink();
    SinkBatch batch = harness.factory(sink).batch(harness.factory(sink).records(3, "busy"));
    intake.then(Intake.status(503, "{\"error\":\"overloaded\"}"));

    RetryableSinkException failure =
        catchThrowableOfType(RetryableSinkException.class, () -> harness.send(sink, batch));
    SendResult resend = harness.send(sink, batch);

    assertThat(failure.getMessage()).isEqualTo("HTTP 503: {\"error\":\"overloaded\"}");
    assertThat(resend.outcomes()).containsOnly(RecordOutcome.DELIVERED).hasSize(3);
    assertThat(intake.received()).extracting(Intake.Received::status).containsExactly(503, 200);
  }

  @Test
  void send_when401_rejectsEveryRecordWithStatusAndBodyStart_andSendsOnce() throws Exception {
    Sink sink = jsonSink();
    BatchFactory factory = harness.factory(sink);
    SinkBatch batch = factory.batch(factory.records(2, "auth"));
    intake.then(Intake.status(401, "{\"error\":\"invalid api key\",\n\"code\":17}"));

    SendResult result = harness.send(sink, batch);

    assertThat(result.outcomes())
        .hasSize(2)
        .allSatisfy(
            outcome ->
                assertThat(outcome)
                    .isInstanceOfSatisfying(
                        RecordOutcome.Rejected.class,
                        rejected ->
                            assertThat(rejected.reason())
                                .startsWith(
                                    "HTTP 401: {\"error\":\"invalid api key\", \"code\":17}")));
    assertThat(intake.received()).hasSize(1);
  }

  @Test
  void send_whenRetryAfterInSeconds_reportsThatDelay() throws Exception {
    Sink sink = jsonSink();
    SinkBatch batch = harness.factory(sink).batch(harness.factory(sink).records(1, "slow down"));
    intake.then(
        new MockResponse.Builder().code(429).addHeader("Retry-After", "7").body("").build());

    RetryableSinkException failure =
        catchThrowableOfType(RetryableSinkException.class, () -> harness.send(sink, batch));

    assertThat(failure.getMessage()).isEqualTo("HTTP 429");
    assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void send_whenRetryAfterIsHttpDate_reportsDelayUntilThatDateByTheInjectedClock()
      throws Exception {
    Sink sink = jsonSink();
    SinkBatch batch = harness.factory(sink).batch(harness.factory(sink).records(1, "later"));
    java.time.Instant at =
        harness.clock.instant().plusSeconds(90).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
    intake.then(new MockResponse.Builder().code(503).addHeader("Retry-After", date).build());

    RetryableSinkException failure =
        catchThrowableOfType(RetryableSinkException.class, () -> harness.send(sink, batch));

    assertThat(failure.retryAfter()).isEqualTo(Duration.between(harness.clock.instant(), at));
    assertThat(failure.retryAfter()).isBetween(Duration.ofSeconds(89), Duration.ofSeconds(90));
  }

  @Test
  void send_whenConnectionResetBeforeAnswer_throwsRetryableAndTheResendDelivers() throws Exception {
    Sink sink = jsonSink();
    SinkBatch batch = harness.factory(sink).batch(harness.factory(sink).records(2, "reset"));
    MockResponse reset =
        new MockResponse.Builder()
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build();
    intake.then(reset);

    RetryableSinkException failure =
        catchThrowableOfType(RetryableSinkException.class, () -> harness.send(sink, batch));
    SendResult resend = harness.send(sink, batch);

    assertThat(failure.getMessage()).startsWith("connection failed");
    assertThat(resend.outcomes()).containsOnly(RecordOutcome.DELIVERED).hasSize(2);
    assertThat(intake.received()).extracting(Intake.Received::status).containsExactly(0, 200);
  }

  @Test
  void send_afterPooledConnectionDied_deliversOnAFreshConnectionInOneSend() throws Exception {
    Sink sink = jsonSink();
    BatchFactory factory = harness.factory(sink);
    intake.then(
        new MockResponse.Builder()
            .body("{}")
            .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    harness.send(sink, factory.batch(factory.records(1, "before the freeze")));

    SendResult afterThaw = harness.send(sink, factory.batch(factory.records(1, "after")));

    assertThat(afterThaw.outcomes()).containsExactly(RecordOutcome.DELIVERED);
    assertThat(intake.received()).extracting(Intake.Received::connection).containsExactly(0, 1);
  }

  @Test
  void send_whenAnswerOutlastsTheDeadline_throwsRetryableTimeout() throws Exception {
    Sink sink = jsonSink();
    SinkBatch batch = harness.factory(sink).batch(harness.factory(sink).records(1, "slow"));
    intake.then(new MockResponse.Builder().headersDelay(20, TimeUnit.SECONDS).build());

    RetryableSinkException failure =
        catchThrowableOfType(
            RetryableSinkException.class, () -> harness.send(sink, batch, Duration.ofMillis(300)));

    assertThat(failure.getMessage()).startsWith("timed out");
  }

  @Test
  void send_whenNoTimeLeft_throwsRetryableWithoutARequest() throws Exception {
    Sink sink = jsonSink();
    SinkBatch batch = harness.factory(sink).batch(harness.factory(sink).records(1, "late"));

    RetryableSinkException failure =
        catchThrowableOfType(
            RetryableSinkException.class, () -> harness.send(sink, batch, Duration.ZERO));

    assertThat(failure.getMessage()).contains("no time left");
    assertThat(intake.received()).isEmpty();
  }

  @Test
  void send_whenNothingListens_throwsRetryable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    Sink sink = harness.sink(Map.of("url", "http://127.0.0.1:" + closedPort + "/ingest"));
    SinkBatch batch = harness.factory(sink).batch(harness.factory(sink).records(1, "refused"));

    RetryableSinkException failure =
        catchThrowableOfType(RetryableSinkException.class, () -> harness.send(sink, batch));

    assertThat(failure.getMessage()).startsWith("connection failed");
  }

  @Test
  void send_when413_asksTheEngineToSplit() throws Exception {
    Sink sink = jsonSink();
    SinkBatch batch = harness.factory(sink).batch(harness.factory(sink).records(4, "big"));
    intake.then(Intake.status(413, "request entity too large"));

    SendResult result = harness.send(sink, batch);

    assertThat(result.isTooLarge()).isTrue();
    assertThat(result.tooLargeReason()).isEqualTo("HTTP 413: request entity too large");
  }

  @Test
  void send_whenRedirected_rejectsWithoutFollowing() throws Exception {
    Sink sink = jsonSink();
    SinkBatch batch = harness.factory(sink).batch(harness.factory(sink).records(1, "moved"));
    intake.then(
        new MockResponse.Builder().code(301).addHeader("Location", intake.url("/other")).build());

    SendResult result = harness.send(sink, batch);

    assertThat(result.outcomes().getFirst())
        .isInstanceOfSatisfying(
            RecordOutcome.Rejected.class,
            rejected -> assertThat(rejected.reason()).startsWith("HTTP 301").contains("redirect"));
    assertThat(intake.received()).hasSize(1);
  }
}
