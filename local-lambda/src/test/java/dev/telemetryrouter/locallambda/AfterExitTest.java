package dev.telemetryrouter.locallambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery stops once the extension that owns the listener has exited, as on Lambda. */
class AfterExitTest {

  @TempDir Path tmp;
  private Listener listener;
  private DeliveryClient client;

  @BeforeEach
  void setUp() throws Exception {
    listener = new Listener();
    client = new DeliveryClient(Duration.ofSeconds(5));
  }

  @AfterEach
  void tearDown() {
    client.close();
    listener.close();
  }

  /** A lifeline the test controls: exited() follows the flag, exitsSoon() exits at once. */
  private static Subscriber.Lifeline lifeline(AtomicBoolean exited) {
    return new Subscriber.Lifeline() {
      @Override
      public boolean exited() {
        return exited.get();
      }

      @Override
      public boolean exitsSoon() {
        exited.set(true);
        return true;
      }
    };
  }

  private Subscriber subscriber(AtomicBoolean exited) throws Exception {
    Subscription subscription =
        Subscription.parse(
            Dialect.Api.TELEMETRY, Fixtures.telemetry("2022-12-13", listener.uri()), 0);
    return new Subscriber(
        "router",
        subscription,
        client,
        InstantSource.system(),
        () -> false,
        lifeline(exited),
        true);
  }

  private static TelemetryEvent line(String text) {
    return new TelemetryEvent(
        Instant.EPOCH, "extension", new LogLine(text, LogFormat.TEXT, Instant.EPOCH));
  }

  @Test
  void offer_afterTheExtensionExited_sendsNothingAndCountsTheEventByType() throws Exception {
    Subscriber subscriber = subscriber(new AtomicBoolean(true));
    subscriber.start();

    subscriber.offer(line("router: flushed, bye"));
    SubscriberStats stats = subscriber.close();

    assertThat(stats.afterExitEvents).isEqualTo(1);
    assertThat(stats.afterExitTypes).containsExactly(Map.entry("extension", 1L));
    assertThat(stats.droppedEvents).isZero();
    assertThat(stats.undelivered).isZero();
    assertThat(listener.requests()).isZero();
  }

  @Test
  void send_whenItFailsBecauseTheExtensionIsExiting_queuesNoLogsDroppedAndStops() throws Exception {
    listener.answer(n -> 503);
    Subscriber subscriber = subscriber(new AtomicBoolean(false));
    subscriber.start();

    subscriber.offer(line("router: shutting down"));
    subscriber.flushNow();
    awaitIdle(subscriber);
    SubscriberStats stats = subscriber.close();

    assertThat(listener.requests()).isEqualTo(1);
    assertThat(stats.afterExitEvents).isEqualTo(1);
    assertThat(stats.droppedBatches).isZero();
    assertThat(stats.failedRequests).isZero();
  }

  @Test
  void shutdown_whenTheExtensionStopsItsListenerAndExits_reportsAfterExitNotDrops()
      throws Exception {
    Path layer = tmp.resolve("layer");
    TestLayer.withExtension(layer, "fake-extension.sh", "fake");
    LocalLambdaBuilder builder =
        LocalLambda.builder()
            .layer(layer)
            .workDir(tmp.resolve("work"))
            .extensionEnv("FAKE_SUBSCRIBE_URI", listener.uri())
            .function(FunctionSource.events(TestLayer.resource("two-invocations.jsonl")));
    try (LocalLambda lambda = builder.start()) {
      lambda.invoke();
      listener.close();

      RunReport report = lambda.shutdown();

      RunReport.SubscriberReport stats = report.subscribers().getFirst();
      assertThat(stats.droppedEvents()).isZero();
      assertThat(stats.droppedBatches()).isZero();
      assertThat(stats.failedRequests()).isZero();
      assertThat(stats.afterExitTypes()).containsKey("extension");
      assertThat(report.toText()).contains("not delivered because fake had exited");
      assertThat(report.toJson()).contains("\"afterExitEvents\":" + stats.afterExitEvents());
    }
  }

  /** Polls (bounded) until the subscriber has nothing left to send; real HTTP is involved. */
  private static void awaitIdle(Subscriber subscriber) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!subscriber.idle() && System.nanoTime() < end) {
      Thread.sleep(10);
    }
  }
}
