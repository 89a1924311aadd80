package dev.telemetryrouter.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.telemetryrouter.spi.sink.OutgoingRecord;
import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.SendResult;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Flushes beside the background workers, with the real clock: waits with a bound, no sleeps. */
class BackgroundFlushTest {

  private final Clock clock = Clock.systemUTC();
  private final CountDownLatch release = new CountDownLatch(1);
  private Router router;

  @AfterEach
  void stopWorkers() {
    release.countDown();
    if (router != null) {
      router.shutdown(clock.instant().plusSeconds(5));
    }
  }

  @Test
  void flushAll_whenOneSinkHangs_theOtherDeliversAndTheHungRecordsStayPending() {
    FakeSink hung =
        new FakeSink()
            .behave(
                (batch, context) -> {
                  release.await();
                  return SendResult.allDelivered(batch.size());
                });
    FakeSink healthy = new FakeSink();
    router = start(Plans.sink("hung", hung), Plans.sink("healthy", healthy));
    acceptRange(0, 3);

    FlushReport report = router.flushAll(clock.instant().plusMillis(300));

    assertThat(healthy.deliveredIds()).containsExactly("r0", "r1", "r2");
    assertThat(report.sinks().get("hung").pending()).isEqualTo(3);
    assertThat(router.accounts().sinks().values()).allMatch(Accounts.SinkAccounts::balanced);
  }

  @Test
  void flushesBesideTheWorker_neverSendToOneSinkTwiceAtOnce() throws InterruptedException {
    AtomicInteger sending = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    FakeSink sink =
        new FakeSink()
            .behave(
                (batch, context) -> {
                  most.accumulateAndGet(sending.incrementAndGet(), Math::max);
                  sending.decrementAndGet();
                  return SendResult.allDelivered(batch.size());
                });
    SinkPlan plan =
        Plans.withBatch(
            Plans.sink("archive", sink), new BatchPolicy(20, 1_000_000, Duration.ofMillis(1)));
    router = start(plan);

    Thread intake = Thread.ofPlatform().start(() -> acceptRange(0, 3_000));
    while (intake.isAlive()) {
      router.flushAll(clock.instant().plusSeconds(5));
    }
    intake.join();
    FlushReport report = router.flushAll(clock.instant().plusSeconds(5));

    assertThat(most.get()).isEqualTo(1);
    assertThat(report.drained()).isTrue();
    assertThat(sink.deliveredIds()).hasSize(3_000).doesNotHaveDuplicates();
  }

  @Test
  void flush_cuttingABackgroundRetryShort_sendsItsRecordsOnceInOrderAndNeedsNoPause()
      throws InterruptedException {
    AtomicInteger sends = new AtomicInteger();
    CountDownLatch throttled = new CountDownLatch(1);
    CountDownLatch later = new CountDownLatch(1);
    FakeSink sink =
        new FakeSink()
            .behave(
                (batch, context) -> {
                  if (sends.getAndIncrement() == 0) {
                    throttled.countDown();
                    return SendResult.all(
                        batch.size(),
                        new RecordOutcome.Retryable("slow down", Duration.ofMinutes(1)));
                  }
                  if (batch.records().stream().anyMatch(r -> r.id().equals("r9"))) {
                    later.countDown();
                  }
                  return SendResult.allDelivered(batch.size());
                });
    SinkPlan plan =
        Plans.withRetry(
            Plans.withBatch(
                Plans.sink("archive", sink), new BatchPolicy(3, 1_000_000, Duration.ZERO)),
            new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMinutes(5)));
    router =
        Router.background(
            new RoutingPlan(List.of(), List.of(plan)), clock, new SplittableRandom(1));
    acceptRange(0, 3);
    router.start();
    assertThat(throttled.await(10, TimeUnit.SECONDS)).isTrue();

    FlushReport report = router.flushAll(clock.instant().plusSeconds(5));
    router.accept(Records.text(9));

    assertThat(report.drained()).isTrue();
    assertThat(later.await(10, TimeUnit.SECONDS))
        .as("the worker sends the next batch without waiting a maximum backoff")
        .isTrue();
    assertThat(sink.delivered().subList(0, 3))
        .extracting(OutgoingRecord::id, OutgoingRecord::attempt)
        .containsExactly(tuple("r0", 1), tuple("r1", 1), tuple("r2", 1));
    assertThat(router.accounts().sinks().get("archive").balanced()).isTrue();
  }

  private Router start(SinkPlan... sinks) {
    Router started =
        Router.background(
            new RoutingPlan(List.of(), List.of(sinks)), clock, new SplittableRandom(1));
    started.start();
    return started;
  }

  private void acceptRange(int from, int to) {
    for (int i = from; i < to; i++) {
      router.accept(Records.text(i));
    }
  }
}
