package dev.telemetryrouter.core.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The intake listener on a real loopback socket, fed well-formed, malformed and huge bodies. */
class IntakeListenerTest {

  private static final long MAX_BODY = 64 * 1024;

  private final RecordingRouter router = new RecordingRouter();
  private final IntakeCounters counters = new IntakeCounters();
  private final HttpClient client = HttpClient.newHttpClient();
  private final InvocationTracker tracker = new InvocationTracker(InstantSource.system());
  private IntakeListener listener;

  @BeforeEach
  void start() throws Exception {
    InstantSource clock = InstantSource.system();
    IntakeProcessor processor =
        new IntakeProcessor(
            new RecordAssembler(dev.telemetryrouter.spi.FunctionContext.UNKNOWN, "t", clock),
            router,
            tracker,
            counters,
            false);
    listener = IntakeListener.start("127.0.0.1", 0, MAX_BODY, processor::process, counters);
  }

  @AfterEach
  void stop() {
    listener.close();
    client.close();
  }

  private int send(String method, byte[] body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + "/"))
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static java.util.Map<String, String> lowerCase(Headers headers) {
    java.util.Map<String, String> names = new java.util.HashMap<>();
    headers.forEach(
        (name, values) -> names.put(name.toLowerCase(java.util.Locale.ROOT), values.getFirst()));
    return names;
  }

  /** Deliveries are routed after they were answered; wait for the ones sent so far. */
  private void awaitRouted(long deliveries) throws InterruptedException {
    assertThat(tracker.awaitDeliveries(deliveries, java.time.Instant.now().plusSeconds(20)))
        .isTrue();
  }

  @Test
  void deliveries_byPostAndPut_areAnsweredAndRoutedInOrder() throws Exception {
    int post = send("POST", Fixtures.bytes("telemetry-2025-01-29-text.json"));
    int put = send("PUT", Fixtures.bytes("logs-2021-03-18.json"));
    int again = send("POST", Fixtures.bytes("telemetry-2022-12-13-json.json"));
    awaitRouted(3);

    assertThat(List.of(post, put, again)).containsOnly(200);
    assertThat(router.accepted().getFirst().type()).isEqualTo("platform.initStart");
    assertThat(router.accepted().getLast().type()).isEqualTo("platform.runtimeDone");
    assertThat(counters.deliveries.get()).isEqualTo(3);
    assertThat(counters.ownLines.get()).isEqualTo(3);
  }

  @Test
  void malformedBodies_areAnsweredCountedAndTheListenerStaysUp() throws Exception {
    List<byte[]> bodies =
        List.of(
            Fixtures.bytes("malformed-truncated.json"),
            Fixtures.bytes("malformed-not-array.json"),
            new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2},
            new byte[0],
            "[".repeat(10_000).getBytes(java.nio.charset.StandardCharsets.UTF_8));

    for (byte[] body : bodies) {
      assertThat(send("POST", body)).isEqualTo(200);
    }
    int afterwards = send("POST", Fixtures.bytes("telemetry-2022-07-01-json-as-string.json"));
    awaitRouted(6);

    assertThat(afterwards).isEqualTo(200);
    assertThat(counters.malformedDeliveries.get()).isEqualTo(5);
    assertThat(router.accepted())
        .extracting(r -> r.payload().toString())
        .startsWith("kept before the damage")
        .hasSize(5);
  }

  @Test
  void oversizedBody_isReadDiscardedAnsweredAndCounted() throws Exception {
    byte[] huge = new byte[(int) MAX_BODY * 3];
    java.util.Arrays.fill(huge, (byte) 'x');

    int status = send("POST", huge);
    int afterwards = send("POST", Fixtures.bytes("telemetry-2022-07-01-json-as-string.json"));
    awaitRouted(1);

    assertThat(List.of(status, afterwards)).containsOnly(200);
    assertThat(counters.oversizedDeliveries.get()).isEqualTo(1);
    assertThat(counters.deliveries.get()).isEqualTo(1);
    assertThat(router.accepted()).hasSize(4);
  }

  @Test
  void deliveriesOfOwnLinesOnly_repeated_areCountedAndNeverRouted() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(send("POST", Fixtures.bytes("own-lines-only.json"))).isEqualTo(200);
    }
    send("POST", Fixtures.bytes("telemetry-2025-01-29-text.json"));
    awaitRouted(6);

    assertThat(counters.ownOnlyDeliveries.get()).isEqualTo(5);
    assertThat(counters.ownLines.get()).isEqualTo(5 * 2 + 1);
    assertThat(router.accepted())
        .noneMatch(
            r ->
                r.type().equals("extension")
                    && String.valueOf(r.payload()).startsWith("[telemetry-router]"));
    assertThat(counters.summary()).contains("own_only_deliveries=5");
  }

  @Test
  void warmup_sendsOneEmptyDelivery_andRoutesNothing() throws Exception {
    Warmup.run(
        listener.address(),
        dev.telemetryrouter.spi.FunctionContext.UNKNOWN,
        InstantSource.system());
    awaitRouted(1);

    assertThat(counters.deliveries.get()).isEqualTo(1);
    assertThat(counters.events.get()).isZero();
    assertThat(router.accepted()).isEmpty();
  }

  /**
   * A SHUTDOWN during Init closes the listener while the warm-up may be posting; the exchange that
   * breaks then is the extension's own and lost nothing, so it must not read as a lost delivery.
   */
  @Test
  void warmup_marksItsExchange_soThatTheListenerTellsItFromAPlatformDelivery() throws Exception {
    HttpServer standIn =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
    AtomicReference<Headers> received = new AtomicReference<>();
    standIn.createContext(
        "/",
        exchange -> {
          received.set(exchange.getRequestHeaders());
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    standIn.start();

    try {
      Warmup.run(
          standIn.getAddress(),
          dev.telemetryrouter.spi.FunctionContext.UNKNOWN,
          InstantSource.system());
    } finally {
      standIn.stop(0);
    }

    assertThat(IntakeListener.isWarmup(lowerCase(received.get()))).isTrue();
    assertThat(IntakeListener.isWarmup(java.util.Map.of("content-type", "application/json")))
        .isFalse();
  }

  @Test
  void warmup_whenTheListenerIsGone_returnsQuietly() {
    listener.close();

    Warmup.run(
        listener.address(),
        dev.telemetryrouter.spi.FunctionContext.UNKNOWN,
        InstantSource.system());

    assertThat(counters.deliveries.get()).isZero();
  }

  @Test
  void otherMethods_areRefusedWithoutBeingRouted() throws Exception {
    HttpRequest get =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + "/"))
            .GET()
            .build();

    int status = client.send(get, HttpResponse.BodyHandlers.discarding()).statusCode();

    assertThat(status).isEqualTo(405);
    assertThat(counters.deliveries.get()).isZero();
  }

  /**
   * An accept that fails while the socket stays open (EMFILE when the process is out of file
   * descriptors) must not end the listener: the platform retries the delivery, and a listener that
   * stopped accepting would lose every later one.
   */
  @Test
  void acceptFailures_whileTheSocketStaysOpen_areOutlasted() throws Exception {
    AtomicInteger failures = new AtomicInteger();
    ServerSocket flaky =
        new ServerSocket() {
          @Override
          public Socket accept() throws IOException {
            if (failures.getAndIncrement() < 2) {
              throw new IOException("Too many open files");
            }
            return super.accept();
          }
        };
    flaky.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    BlockingQueue<byte[]> bodies = new LinkedBlockingQueue<>();
    try (IntakeListener survivor =
        IntakeListener.serve(flaky, MAX_BODY, bodies::add, new IntakeCounters())) {
      HttpRequest post =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + survivor.port() + "/"))
              .POST(HttpRequest.BodyPublishers.ofString("[]"))
              .timeout(java.time.Duration.ofSeconds(20))
              .build();

      int status = client.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();

      assertThat(status).isEqualTo(200);
      assertThat(bodies.poll(20, TimeUnit.SECONDS)).isEqualTo(new byte[] {'[', ']'});
      assertThat(failures.get()).isGreaterThan(2);
    }
  }
}
