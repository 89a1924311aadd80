package dev.telemetryrouter.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.SendResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Flushes with a thread per sink, measured on a fake clock that several threads share. */
class ConcurrentFlushTest {

  private static final BatchPolicy THREE_PER_BATCH =
      new BatchPolicy(3, 1_000_000, Duration.ofSeconds(30));

  private final VirtualTime time = new VirtualTime();

  @TempDir Path spillDir;

  @AfterEach
  void endHungSends() throws InterruptedException {
    time.finish();
  }

  @ParameterizedTest
  @ValueSource(strings = {"flushAll", "endOfInvocation", "shutdown"})
  void flush_withTwoSinksTakingASecondEach_takesOneSecondNotTwo(String kind) {
    FakeSink first = taking(Duration.ofSeconds(1));
    FakeSink second = taking(Duration.ofSeconds(1));
    Router router = router(plan("first", first), plan("second", second));
    acceptThree(router);

    FlushReport report = flush(kind).apply(router, time.instant().plusSeconds(10));

    assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(1));
    assertThat(first.deliveredIds()).containsExactly("r0", "r1", "r2");
    assertThat(second.deliveredIds()).containsExactly("r0", "r1", "r2");
    assertThat(report.drained()).isTrue();
  }

  @Test
  void flushAll_whenOneSinkHangs_theOtherDeliversAndTheFlushEndsAtTheDeadline() {
    FakeSink hung = taking(Duration.ofHours(1));
    FakeSink healthy = taking(Duration.ofMillis(200));
    Router router = router(plan("hung", hung), plan("healthy", healthy));
    acceptThree(router);
    Instant deadline = time.instant().plusSeconds(2);

    FlushReport report = router.flushAll(deadline);

    assertThat(time.instant()).isEqualTo(deadline);
    assertThat(healthy.deliveredIds()).containsExactly("r0", "r1", "r2");
    assertThat(report.sinks().get("healthy").pending()).isZero();
    assertThat(report.sinks().get("hung").pending()).isEqualTo(3);
    assertThat(router.accounts().sinks().values()).allMatch(Accounts.SinkAccounts::balanced);
  }

  @Test
  void shutdown_whenOneSinkHangs_closesTheOtherAndSpillsWhatTheHungOneStillBuffers() {
    FakeSink hung = taking(Duration.ofHours(1));
    FakeSink healthy = taking(Duration.ofMillis(200));
    SinkPlan hungPlan =
        Plans.withDeadLetter(plan("hung", hung), new DeadLetterPolicy(spillDir, 100_000, null));
    Router router = router(hungPlan, plan("healthy", healthy));
    for (int i = 0; i < 5; i++) {
      router.accept(Records.text(i));
    }

    FlushReport report = router.shutdown(time.instant().plusSeconds(2));

    Accounts.SinkAccounts hungAccounts = router.accounts().sinks().get("hung");
    assertThat(hungAccounts.pending()).as("the batch in flight").isEqualTo(3);
    assertThat(hungAccounts.deadLettered()).as("the two still buffered").isEqualTo(2);
    assertThat(hungAccounts.balanced()).isTrue();
    assertThat(report.sinks().get("healthy").delivered()).isEqualTo(5);
    assertThat(healthy.closed()).isTrue();
    assertThat(hung.closed()).as("close never runs beside a send").isFalse();
  }

  @Test
  void flushAll_whenTheSourceRejectsInTheFirstRound_sendsItsDeadLettersInTheSameFlush() {
    FakeSink main =
        new FakeSink()
            .behave(
                (batch, context) -> {
                  time.sleep(Duration.ofSeconds(1));
                  return SendResult.all(batch.size(), RecordOutcome.rejected("no"));
                });
    FakeSink backup = new FakeSink();
    SinkPlan mainPlan =
        Plans.withDeadLetter(plan("main", main), new DeadLetterPolicy(null, 0, "backup"));
    SinkPlan backupPlan = Plans.withRoute(plan("backup", backup), r -> false, List.of());
    Router router = router(mainPlan, backupPlan);
    acceptThree(router);

    FlushReport report = router.flushAll(time.instant().plusSeconds(10));

    assertThat(backup.deliveredIds()).containsExactly("r0", "r1", "r2");
    assertThat(report.drained()).isTrue();
    assertThat(router.accounts().sinks().values()).allMatch(Accounts.SinkAccounts::balanced);
  }

  private FakeSink taking(Duration duration) {
    return new FakeSink()
        .behave(
            (batch, context) -> {
              time.sleep(duration);
              return SendResult.allDelivered(batch.size());
            });
  }

  private static SinkPlan plan(String name, FakeSink sink) {
    return Plans.withBatch(Plans.sink(name, sink), THREE_PER_BATCH);
  }

  /** A router with flush threads from the virtual time, and no background workers. */
  private Router router(SinkPlan... sinks) {
    return new Router(
        new RoutingPlan(List.of(), List.of(sinks)), time, time, new SplittableRandom(1), time);
  }

  private static BiFunction<Router, Instant, FlushReport> flush(String kind) {
    return switch (kind) {
      case "flushAll" -> Router::flushAll;
      case "endOfInvocation" -> Router::endOfInvocation;
      default -> Router::shutdown;
    };
  }

  private static void acceptThree(Router router) {
    for (int i = 0; i < 3; i++) {
      router.accept(Records.text(i));
    }
  }
}
