package dev.telemetryrouter.core.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.core.config.ExtensionSettings;
import dev.telemetryrouter.spi.FunctionContext;
import dev.telemetryrouter.spi.TelemetryRecord;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The listener's body limit as the extension computes it. The platform may send a delivery of up to
 * twice the subscription's maxBytes (Lambda Telemetry API,
 * https://docs.aws.amazon.com/lambda/latest/dg/telemetry-api.html); such a body must be routed, and
 * only a larger one dropped.
 */
class ListenerBodyLimitTest {

  private static final ExtensionSettings.Buffering BUFFERING =
      ExtensionSettings.DEFAULTS.buffering();

  private final RecordingRouter router = new RecordingRouter();
  private final IntakeCounters counters = new IntakeCounters();
  private final InvocationTracker tracker = new InvocationTracker(InstantSource.system());
  private final HttpClient client = HttpClient.newHttpClient();
  private final long limit = ExtensionProcess.maxBodyBytes(ExtensionSettings.DEFAULTS);
  private IntakeListener listener;

  @BeforeEach
  void start() throws Exception {
    InstantSource clock = InstantSource.system();
    IntakeProcessor processor =
        new IntakeProcessor(
            new RecordAssembler(FunctionContext.UNKNOWN, "t", clock),
            router,
            tracker,
            counters,
            false);
    listener = IntakeListener.start("127.0.0.1", 0, limit, processor::process, counters);
  }

  @AfterEach
  void stop() {
    listener.close();
    client.close();
  }

  private static final String HEAD =
      "[{\"time\":\"2026-03-02T10:00:01.000Z\",\"type\":\"function\",\"record\":\"";
  private static final String TAIL = "\"}]";

  /** A well-formed delivery of one function line, padded to exactly {@code size} bytes. */
  private static byte[] delivery(long size) {
    String line = "x".repeat((int) size - HEAD.length() - TAIL.length());
    return (HEAD + line + TAIL).getBytes(StandardCharsets.UTF_8);
  }

  private static int lineLength(long size) {
    return (int) size - HEAD.length() - TAIL.length();
  }

  private int post(byte[] body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + "/"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void maxBodyBytes_coversTwiceMaxBytesAtEveryBufferingBound() {
    int[][] bounds = {{25, 262_144}, {1000, 262_144}, {10_000, 1_048_576}, {25, 1_048_576}};

    for (int[] bound : bounds) {
      ExtensionSettings settings =
          withBuffering(new ExtensionSettings.Buffering(bound[0], bound[1], BUFFERING.timeout()));

      assertThat(ExtensionProcess.maxBodyBytes(settings))
          .as("maxItems=%d maxBytes=%d", bound[0], bound[1])
          .isGreaterThanOrEqualTo(2L * bound[1]);
    }
  }

  @Test
  void bodyOfTwiceMaxBytes_isDecodedAndRouted() throws Exception {
    byte[] body = delivery(2L * BUFFERING.maxBytes());

    int status = post(body);
    assertThat(tracker.awaitDeliveries(1, Instant.now().plusSeconds(20))).isTrue();

    assertThat(status).isEqualTo(200);
    assertThat(body.length).isGreaterThan(BUFFERING.maxBytes());
    assertThat(counters.oversizedDeliveries.get()).isZero();
    assertThat(router.accepted()).extracting(TelemetryRecord::type).containsExactly("function");
    assertThat(router.accepted().getFirst().payload().toString())
        .hasSize(lineLength(body.length))
        .matches("x+");
  }

  @Test
  void bodyOverTheLimit_isAnsweredCountedAndDiscarded() throws Exception {
    int status = post(delivery(limit + 1));
    int afterwards = post(delivery(1000));
    assertThat(tracker.awaitDeliveries(1, Instant.now().plusSeconds(20))).isTrue();

    assertThat(status).isEqualTo(200);
    assertThat(afterwards).isEqualTo(200);
    assertThat(counters.oversizedDeliveries.get()).isEqualTo(1);
    assertThat(counters.deliveries.get()).isEqualTo(1);
    assertThat(router.accepted()).hasSize(1);
    assertThat(router.accepted().getFirst().payload().toString()).hasSize(lineLength(1000));
  }

  private static ExtensionSettings withBuffering(ExtensionSettings.Buffering buffering) {
    ExtensionSettings d = ExtensionSettings.DEFAULTS;
    return new ExtensionSettings(
        d.api(),
        d.schemaVersion(),
        d.types(),
        d.listener(),
        buffering,
        d.runtimeDoneWait(),
        d.shutdownMargin(),
        d.routeOwnLogs());
  }
}
