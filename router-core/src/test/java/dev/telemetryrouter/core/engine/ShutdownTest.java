package dev.telemetryrouter.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.spi.sink.SendResult;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShutdownTest {

  private static final BatchPolicy ONE_PER_BATCH = new BatchPolicy(1, 1_000_000, Duration.ZERO);

  private final FakeClock clock = new FakeClock();

  /** Each send takes a second of the fake clock, like a destination that answers slowly. */
  private final FakeSink slow =
      new FakeSink()
          .behave(
              (batch, context) -> {
                clock.advance(Duration.ofSeconds(1));
                return SendResult.allDelivered(batch.size());
              });

  private final FakeSink fast = new FakeSink();

  @Test
  void shutdown_whenTheFirstSinkIsSlow_itGetsOnlyItsShareAndTheOtherStillFlushes() {
    Router router = Plans.router(clock, plan("slow", slow), plan("fast", fast));
    acceptTen(router);
    Instant deadline = clock.instant().plusSeconds(10);

    FlushReport report = router.shutdown(deadline);

    assertThat(fast.deliveredIds()).hasSize(10);
    assertThat(slow.deliveredIds()).hasSize(5);
    assertThat(report.sinks().get("slow").pending()).isEqualTo(5);
    assertThat(clock.instant()).isBeforeOrEqualTo(deadline);
    assertThat(slow.closed()).isTrue();
    assertThat(fast.closed()).isTrue();
  }

  @Test
  void shutdown_whenTheFirstSinkIsFast_theSlowOneGetsTheTimeItLeft() {
    Router router = Plans.router(clock, plan("fast", fast), plan("slow", slow));
    acceptTen(router);

    FlushReport report = router.shutdown(clock.instant().plusSeconds(10));

    assertThat(fast.deliveredIds()).hasSize(10);
    assertThat(slow.deliveredIds()).hasSize(10);
    assertThat(report.drained()).isTrue();
  }

  @Test
  void shutdown_leavesWhatCouldNotBeSentCountedAsPending() {
    Router router = Plans.router(clock, plan("slow", slow));
    acceptTen(router);

    router.shutdown(clock.instant().plusSeconds(3));

    Accounts.SinkAccounts accounts = router.accounts().sinks().get("slow");
    assertThat(accounts.delivered()).isEqualTo(3);
    assertThat(accounts.pending()).isEqualTo(7);
    assertThat(accounts.balanced()).isTrue();
  }

  @Test
  void flushAll_afterShutdown_neverSendsToTheClosedSinkAndKeepsRecordsPending() {
    Router router = Plans.router(clock, plan("fast", fast));
    router.shutdown(clock.instant().plusSeconds(1));

    router.accept(Records.text(0));
    FlushReport report = router.flushAll(clock.instant().plusSeconds(1));

    assertThat(fast.batches()).isEmpty();
    assertThat(report.sinks().get("fast").pending()).isEqualTo(1);
  }

  @Test
  void summary_afterShutdown_accountsForEveryRecordOnOneLine() {
    Router router = Plans.router(clock, plan("slow", slow));
    acceptTen(router);
    router.shutdown(clock.instant().plusSeconds(3));

    String line = AccountsSummary.render(router.accounts());

    assertThat(line)
        .isEqualTo(
            "summary received=10 dropped=0 sink=slow received=10 delivered=3 retried=0"
                + " dropped=0 dead_lettered=0 pending=7 bytes="
                + router.accounts().sinks().get("slow").deliveredBytes());
    assertThat(line).doesNotContain("\n");
  }

  private SinkPlan plan(String name, FakeSink sink) {
    return Plans.withBatch(Plans.sink(name, sink), ONE_PER_BATCH);
  }

  private static void acceptTen(Router router) {
    for (int i = 0; i < 10; i++) {
      router.accept(Records.text(i));
    }
  }
}
