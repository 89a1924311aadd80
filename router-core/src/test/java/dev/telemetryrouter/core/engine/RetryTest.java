package dev.telemetryrouter.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.spi.sink.OutgoingRecord;
import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.RetryableSinkException;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.SinkBatch;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryTest {

  private final FakeClock clock = new FakeClock();

  @Test
  void flush_whenSomeRecordsAreRetryable_resendsOnlyThoseUnderTheSameBatchId() {
    AtomicInteger sends = new AtomicInteger();
    FakeSink sink =
        new FakeSink()
            .behave(
                (batch, context) ->
                    sends.getAndIncrement() == 0
                        ? SendResult.of(
                            List.of(
                                RecordOutcome.DELIVERED,
                                RecordOutcome.retryable("throttled"),
                                RecordOutcome.DELIVERED,
                                RecordOutcome.rejected("bad record")))
                        : SendResult.allDelivered(batch.size()));
    Router router = Plans.router(clock, Plans.sink("archive", sink));
    for (int i = 0; i < 4; i++) {
      router.accept(Records.text(i));
    }

    FlushReport report = router.flushAll(clock.instant().plusSeconds(10));

    List<SinkBatch> batches = sink.batches();
    assertThat(batches).hasSize(2);
    assertThat(batches.get(1).id()).isEqualTo(batches.get(0).id());
    assertThat(batches.get(1).records()).extracting(OutgoingRecord::id).containsExactly("r1");
    assertThat(batches.get(1).records().getFirst().attempt()).isEqualTo(1);
    assertThat(sink.contexts().get(1).attempt()).isEqualTo(1);
    Accounts.SinkAccounts accounts = router.accounts().sinks().get("archive");
    assertThat(accounts.delivered()).isEqualTo(3);
    assertThat(accounts.retried()).isEqualTo(1);
    assertThat(accounts.dropped()).containsEntry("rejected", 1L);
    assertThat(accounts.balanced()).isTrue();
    assertThat(report.drained()).isTrue();
  }

  @Test
  void flush_whenSinkThrowsRetryable_resendsTheWholeBatch() {
    AtomicInteger sends = new AtomicInteger();
    FakeSink sink =
        new FakeSink()
            .behave(
                (batch, context) -> {
                  if (sends.getAndIncrement() == 0) {
                    throw new RetryableSinkException("HTTP 503", null);
                  }
                  return SendResult.allDelivered(batch.size());
                });
    Router router = Plans.router(clock, Plans.sink("archive", sink));
    for (int i = 0; i < 3; i++) {
      router.accept(Records.text(i));
    }

    router.flushAll(clock.instant().plusSeconds(10));

    assertThat(sink.batches()).hasSize(2);
    assertThat(sink.batches().get(1).records())
        .extracting(OutgoingRecord::id)
        .containsExactly("r0", "r1", "r2");
    assertThat(sink.batches().get(1).id()).isEqualTo(sink.batches().get(0).id());
    assertThat(router.accounts().sinks().get("archive").delivered()).isEqualTo(3);
  }

  @Test
  void flush_whenSinkThrowsAnyOtherException_doesNotRetryAndCountsTheBatchAsFailed() {
    FakeSink sink =
        new FakeSink()
            .behave(
                (batch, context) -> {
                  throw new IllegalStateException("access denied");
                });
    Router router = Plans.router(clock, Plans.sink("archive", sink));
    router.accept(Records.text(0));
    router.accept(Records.text(1));

    router.flushAll(clock.instant().plusSeconds(10));

    assertThat(sink.batches()).hasSize(1);
    Accounts.SinkAccounts accounts = router.accounts().sinks().get("archive");
    assertThat(accounts.dropped()).containsEntry("send_error", 2L);
    assertThat(accounts.pending()).isZero();
    assertThat(accounts.balanced()).isTrue();
  }

  @Test
  void flush_whenRecordsStayRetryable_givesUpAfterMaxAttempts() {
    FakeSink sink =
        new FakeSink()
            .behave(
                (batch, context) ->
                    SendResult.all(batch.size(), RecordOutcome.retryable("throttled")));
    Router router = Plans.router(clock, Plans.sink("archive", sink));
    router.accept(Records.text(0));

    router.flushAll(clock.instant().plusSeconds(60));

    assertThat(sink.batches()).hasSize(Plans.RETRY.maxAttempts());
    Accounts.SinkAccounts accounts = router.accounts().sinks().get("archive");
    assertThat(accounts.dropped()).containsEntry("retries_exhausted", 1L);
    assertThat(accounts.retried()).isEqualTo(Plans.RETRY.maxAttempts() - 1);
  }

  @Test
  void flush_whenDestinationAsksForRetryAfter_waitsExactlyThat() {
    FakeSink sink = new FakeSink().behave(failFirst(Duration.ofMillis(300)));
    Router router = Plans.router(clock, Plans.sink("archive", sink));
    router.accept(Records.text(0));

    router.flushAll(clock.instant().plusSeconds(10));

    assertThat(sink.contexts()).hasSize(2);
    assertThat(clock.waits()).containsExactly(FakeClock.START.plusMillis(300));
    assertThat(clock.elapsed()).isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void flush_whenRetryAfterIsLongerThanMaxBackoff_waitsOnlyMaxBackoff() {
    FakeSink sink = new FakeSink().behave(failFirst(Duration.ofSeconds(30)));
    Router router = Plans.router(clock, Plans.sink("archive", sink));
    router.accept(Records.text(0));

    router.flushAll(clock.instant().plusSeconds(10));

    assertThat(sink.batches()).hasSize(2);
    assertThat(clock.elapsed()).isEqualTo(Plans.RETRY.maxBackoff());
  }

  @Test
  void flush_whenNextRetryWouldPassTheDeadline_stopsAndKeepsRecordsPending() {
    FakeSink sink =
        new FakeSink()
            .behave(
                (batch, context) ->
                    SendResult.all(
                        batch.size(),
                        new RecordOutcome.Retryable("throttled", Duration.ofSeconds(1))));
    SinkPlan plan =
        Plans.withRetry(
            Plans.sink("archive", sink),
            new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(5)));
    Router router = Plans.router(clock, plan);
    router.accept(Records.text(0));
    router.accept(Records.text(1));

    FlushReport report = router.flushAll(clock.instant().plusMillis(2_500));

    assertThat(sink.batches()).hasSize(3);
    assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(2));
    assertThat(sink.contexts())
        .allSatisfy(c -> assertThat(c.deadline()).isEqualTo(FakeClock.START.plusMillis(2_500)));
    assertThat(report.drained()).isFalse();
    assertThat(report.sinks().get("archive").pending()).isEqualTo(2);
    assertThat(router.accounts().sinks().get("archive").balanced()).isTrue();
  }

  @Test
  void flush_whenDeadlineHasPassed_sendsNothing() {
    FakeSink sink = new FakeSink();
    Router router = Plans.router(clock, Plans.sink("archive", sink));
    router.accept(Records.text(0));

    FlushReport report = router.flushAll(clock.instant());

    assertThat(sink.batches()).isEmpty();
    assertThat(report.sinks().get("archive").pending()).isEqualTo(1);
  }

  @Test
  void flush_whenBatchIsTooLarge_splitsItInHalvesUntilItFits() {
    FakeSink sink =
        new FakeSink()
            .behave(
                (batch, context) ->
                    batch.size() > 2
                        ? SendResult.tooLarge("HTTP 413")
                        : SendResult.allDelivered(batch.size()));
    Router router = Plans.router(clock, Plans.sink("archive", sink));
    for (int i = 0; i < 8; i++) {
      router.accept(Records.text(i));
    }

    router.flushAll(clock.instant().plusSeconds(10));

    assertThat(sink.deliveredIds()).containsExactly("r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7");
    assertThat(sink.batches()).extracting(SinkBatch::size).containsExactly(8, 4, 2, 2, 4, 2, 2);
    assertThat(router.accounts().sinks().get("archive").delivered()).isEqualTo(8);
  }

  @Test
  void flush_whenASingleRecordIsTooLarge_rejectsIt() {
    FakeSink sink = new FakeSink().behave((batch, context) -> SendResult.tooLarge("HTTP 413"));
    Router router = Plans.router(clock, Plans.sink("archive", sink));
    router.accept(Records.text(0));
    router.accept(Records.text(1));

    router.flushAll(clock.instant().plusSeconds(10));

    assertThat(sink.batches()).extracting(SinkBatch::size).containsExactly(2, 1, 1);
    assertThat(router.accounts().sinks().get("archive").dropped()).containsEntry("too_large", 2L);
  }

  private static FakeSink.Behaviour failFirst(Duration retryAfter) {
    AtomicInteger sends = new AtomicInteger();
    return (batch, context) ->
        sends.getAndIncrement() == 0
            ? SendResult.all(batch.size(), new RecordOutcome.Retryable("throttled", retryAfter))
            : SendResult.allDelivered(batch.size());
  }
}
