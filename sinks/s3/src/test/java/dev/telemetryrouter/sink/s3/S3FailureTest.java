package dev.telemetryrouter.sink.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telemetryrouter.sink.aws.AwsRequestRejectedException;
import dev.telemetryrouter.sink.aws.LoopbackHttpServer;
import dev.telemetryrouter.sink.aws.LoopbackHttpServer.Answer;
import dev.telemetryrouter.sink.aws.LoopbackHttpServer.Hang;
import dev.telemetryrouter.sink.aws.LoopbackHttpServer.Reply;
import dev.telemetryrouter.sink.aws.LoopbackHttpServer.Reset;
import dev.telemetryrouter.sink.testkit.BatchFactory;
import dev.telemetryrouter.sink.testkit.FakeClock;
import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.RetryableSinkException;
import dev.telemetryrouter.spi.sink.SendContext;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkBatch;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One test per failure mode S3Mock cannot produce on demand, against a scripted server on 127.0.0.1
 * that answers with S3's own error documents (fixtures under s3/).
 */
class S3FailureTest {

  private final FakeClock clock = new FakeClock();
  private final ConcurrentLinkedDeque<Reply> script = new ConcurrentLinkedDeque<>();
  private final List<String> puts = Collections.synchronizedList(new ArrayList<>());
  private LoopbackHttpServer server;
  private Sink sink;
  private BatchFactory factory;

  @BeforeEach
  void start() throws Exception {
    server = LoopbackHttpServer.start(this::handle);
    var context =
        S3Testing.context("archive", Map.of("bucket", "logs", "endpoint", server.url()), clock);
    sink = new S3SinkProvider().create(context);
    sink.start();
    factory = BatchFactory.forSink(sink, clock);
  }

  @AfterEach
  void stop() throws Exception {
    sink.close();
    server.close();
  }

  @Test
  void send_slowDown503_throwsRetryable() throws Exception {
    script.add(error(503, "slow-down.xml"));

    assertThatThrownBy(() -> send(batch()))
        .isInstanceOf(RetryableSinkException.class)
        .hasMessageContaining("SlowDown (HTTP 503)");
  }

  @Test
  void send_internalError500_throwsRetryable() throws Exception {
    script.add(error(500, "internal-error.xml"));

    assertThatThrownBy(() -> send(batch()))
        .isInstanceOf(RetryableSinkException.class)
        .hasMessageContaining("InternalError (HTTP 500)");
  }

  @Test
  void send_accessDenied403_isFinalAndNamesTheRole() throws Exception {
    script.add(error(403, "access-denied.xml"));

    assertThatThrownBy(() -> send(batch()))
        .isInstanceOf(AwsRequestRejectedException.class)
        .hasMessageContaining("AccessDenied (HTTP 403)")
        .hasMessageContaining("execution role");
    assertThat(server.requests()).isEqualTo(1);
  }

  @Test
  void send_noSuchBucket404_isFinal() throws Exception {
    script.add(error(404, "no-such-bucket.xml"));

    assertThatThrownBy(() -> send(batch()))
        .isInstanceOf(AwsRequestRejectedException.class)
        .hasMessageContaining("NoSuchBucket (HTTP 404)");
  }

  @Test
  void send_connectionResetOnce_isRetriedOnFreshConnectionAndDelivered() throws Exception {
    script.add(new Reset());

    SendResult result = send(batch());

    assertThat(result.outcomes()).containsOnly(RecordOutcome.DELIVERED);
    assertThat(server.connections()).isEqualTo(2);
    assertThat(puts).hasSize(1);
  }

  @Test
  void send_connectionResetTwice_throwsRetryable() {
    script.add(new Reset());
    script.add(new Reset());

    assertThatThrownBy(() -> send(batch()))
        .isInstanceOf(RetryableSinkException.class)
        .hasMessageContaining("I/O error");
    assertThat(puts).isEmpty();
  }

  @Test
  void send_answerSlowerThanDeadline_throwsRetryableTimeout() {
    script.add(new Hang());
    SendContext shortDeadline = new SendContext(clock.instant().plusMillis(300), 0, clock);

    assertThatThrownBy(() -> sink.send(batch(), shortDeadline))
        .isInstanceOf(RetryableSinkException.class)
        .hasMessageContaining("timeout");
  }

  private Reply handle(LoopbackHttpServer.Request request) {
    Reply next = script.poll();
    if (next != null) {
      return next;
    }
    if (!request.method().equals("PUT") || !request.target().startsWith("/logs/")) {
      return error(400, "access-denied.xml");
    }
    puts.add(request.target());
    return new Answer(200, Map.of("ETag", "\"loopback\""), new byte[0]);
  }

  private static Reply error(int status, String fixture) {
    try (InputStream in = S3FailureTest.class.getResourceAsStream("/s3/" + fixture)) {
      return Reply.xml(
          status, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private SinkBatch batch() {
    return factory.batch(factory.records(2, "failure"));
  }

  private SendResult send(SinkBatch batch) throws Exception {
    return sink.send(batch, new SendContext(clock.instant().plusSeconds(30), 0, clock));
  }
}
