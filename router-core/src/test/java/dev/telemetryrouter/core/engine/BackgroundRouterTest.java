package dev.telemetryrouter.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.spi.sink.SendResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The threaded driver with the real clock: waits on events with a bound, never sleeps. */
class BackgroundRouterTest {

  private final Clock clock = Clock.systemUTC();
  private Router router;

  @AfterEach
  void stopWorkers() {
    if (router != null) {
      router.shutdown(clock.instant().plusSeconds(5));
    }
  }

  @Test
  void workers_sendAgedBatchesWithoutAFlush() throws InterruptedException {
    CountDownLatch delivered = new CountDownLatch(3);
    FakeSink sink = counting(delivered);
    SinkPlan plan =
        Plans.withBatch(
            Plans.sink("archive", sink), new BatchPolicy(100, 1_000_000, Duration.ofMillis(20)));
    router =
        Router.background(
            new RoutingPlan(List.of(), List.of(plan)), clock, new SplittableRandom(1));
    router.start();

    for (int i = 0; i < 3; i++) {
      router.accept(Records.text(i));
    }

    assertThat(delivered.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(sink.starts()).isEqualTo(1);
  }

  @Test
  void acceptFromSeveralThreads_thenFlush_deliversEveryRecordOnce() throws InterruptedException {
    FakeSink sink = new FakeSink();
    SinkPlan plan =
        Plans.withBatch(
            Plans.sink("archive", sink), new BatchPolicy(50, 1_000_000, Duration.ofSeconds(30)));
    router =
        Router.background(
            new RoutingPlan(List.of(), List.of(plan)), clock, new SplittableRandom(1));
    router.start();

    Thread first = Thread.ofPlatform().start(() -> acceptRange(0, 2_000));
    Thread second = Thread.ofPlatform().start(() -> acceptRange(2_000, 4_000));
    first.join();
    second.join();
    FlushReport report = router.flushAll(clock.instant().plusSeconds(10));

    assertThat(report.drained()).isTrue();
    assertThat(sink.deliveredIds()).doesNotHaveDuplicates().hasSize(4_000);
    assertThat(new HashSet<>(sink.deliveredIds())).contains("r0", "r3999");
    assertThat(router.accounts().sinks().get("archive").balanced()).isTrue();
  }

  @Test
  void blockOverflow_withAWorkerDraining_waitsForRoomInsteadOfDropping() {
    FakeSink sink = new FakeSink();
    SinkPlan plan =
        Plans.withBuffer(
            Plans.withBatch(
                Plans.sink("archive", sink), new BatchPolicy(5, 1_000_000, Duration.ofSeconds(30))),
            new BufferPolicy(10, 1_000_000, BufferPolicy.Overflow.BLOCK, Duration.ofSeconds(20)));
    router =
        Router.background(
            new RoutingPlan(List.of(), List.of(plan)), clock, new SplittableRandom(1));
    router.start();

    acceptRange(0, 500);
    router.flushAll(clock.instant().plusSeconds(10));

    Accounts.SinkAccounts accounts = router.accounts().sinks().get("archive");
    assertThat(accounts.dropped()).isEmpty();
    assertThat(sink.deliveredIds()).hasSize(500).doesNotHaveDuplicates();
  }

  @Test
  void shutdown_stopsWorkersAndClosesTheSink() {
    FakeSink sink = new FakeSink();
    router =
        Router.background(
            new RoutingPlan(List.of(), List.of(Plans.sink("archive", sink))),
            clock,
            new SplittableRandom(1));
    router.start();
    router.accept(Records.text(0));

    FlushReport report = router.shutdown(clock.instant().plusSeconds(5));

    assertThat(report.sinks().get("archive").delivered()).isEqualTo(1);
    assertThat(sink.closed()).isTrue();
  }

  @Test
  void start_withADeadLetterFileLeftBehind_replaysItInTheBackground(@TempDir Path spillDir)
      throws IOException, InterruptedException {
    try (InputStream in = getClass().getResourceAsStream("/engine/dead-letter-archive.jsonl")) {
      Files.write(spillDir.resolve("dead-letter-archive.jsonl"), in.readAllBytes());
    }
    CountDownLatch delivered = new CountDownLatch(3);
    FakeSink sink = counting(delivered);
    SinkPlan plan =
        Plans.withDeadLetter(
            Plans.sink("archive", sink), new DeadLetterPolicy(spillDir, 1_000_000, null));
    router =
        Router.background(
            new RoutingPlan(List.of(), List.of(plan)), clock, new SplittableRandom(1));

    router.start();

    assertThat(delivered.await(10, TimeUnit.SECONDS)).isTrue();
  }

  /** A sink that delivers everything and counts the records down on {@code delivered}. */
  private static FakeSink counting(CountDownLatch delivered) {
    return new FakeSink()
        .behave(
            (batch, context) -> {
              batch.records().forEach(r -> delivered.countDown());
              return SendResult.allDelivered(batch.size());
            });
  }

  private void acceptRange(int from, int to) {
    for (int i = from; i < to; i++) {
      router.accept(Records.text(i));
    }
  }
}
