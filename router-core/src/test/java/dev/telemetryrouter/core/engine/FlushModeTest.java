package dev.telemetryrouter.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FlushModeTest {

  private final FakeClock clock = new FakeClock();
  private final FakeSink sink = new FakeSink();

  @Test
  void endOfInvocation_withEndOfInvoke_sendsEverythingBuffered() {
    Router router = router(new FlushPolicy(FlushPolicy.Mode.END_OF_INVOKE, Duration.ZERO));
    acceptThree(router);

    FlushReport report = router.endOfInvocation(clock.instant().plusSeconds(1));

    assertThat(sink.deliveredIds()).containsExactly("r0", "r1", "r2");
    assertThat(report.sinks().get("archive").delivered()).isEqualTo(3);
    assertThat(report.drained()).isTrue();
  }

  @Test
  void endOfInvocation_withPeriodic_flushesOnlyWhenTheLastFullFlushIsOlderThanTheInterval() {
    Router router = router(new FlushPolicy(FlushPolicy.Mode.PERIODIC, Duration.ofSeconds(10)));
    acceptThree(router);

    clock.advance(Duration.ofMillis(500));
    FlushReport early = router.endOfInvocation(clock.instant().plusSeconds(1));
    clock.advance(Duration.ofSeconds(10));
    FlushReport late = router.endOfInvocation(clock.instant().plusSeconds(1));

    assertThat(early.sinks().get("archive").pending()).isEqualTo(3);
    assertThat(late.sinks().get("archive").delivered()).isEqualTo(3);
    assertThat(late.drained()).isTrue();
  }

  @Test
  void endOfInvocation_withBackground_onlyWaitsForSendsInFlight() {
    Router router = router(new FlushPolicy(FlushPolicy.Mode.BACKGROUND, Duration.ZERO));
    acceptThree(router);

    FlushReport report = router.endOfInvocation(clock.instant().plusSeconds(1));

    assertThat(sink.batches()).isEmpty();
    assertThat(report.sinks().get("archive").pending()).isEqualTo(3);
  }

  @Test
  void sendDue_inEveryMode_sendsFullBatchesAndLeavesPartialOnesUntilTheyAge() {
    Router router = router(new FlushPolicy(FlushPolicy.Mode.BACKGROUND, Duration.ZERO));
    for (int i = 0; i < Plans.BATCH.maxRecords() + 3; i++) {
      router.accept(Records.text(i));
    }

    router.sendDue();
    int afterFull = sink.deliveredIds().size();
    clock.advance(Plans.BATCH.maxAge().minusMillis(1));
    router.sendDue();
    int beforeAge = sink.deliveredIds().size();
    clock.advance(Duration.ofMillis(1));
    router.sendDue();

    assertThat(afterFull).isEqualTo(Plans.BATCH.maxRecords());
    assertThat(beforeAge).isEqualTo(Plans.BATCH.maxRecords());
    assertThat(sink.deliveredIds()).hasSize(Plans.BATCH.maxRecords() + 3);
  }

  @Test
  void flushAll_startsTheSinkOnceBeforeItsFirstSend() {
    Router router = router(Plans.FLUSH);
    acceptThree(router);

    router.flushAll(clock.instant().plusSeconds(1));
    router.accept(Records.text(9));
    router.flushAll(clock.instant().plusSeconds(1));

    assertThat(sink.starts()).isEqualTo(1);
    assertThat(sink.batches()).hasSize(2);
  }

  private Router router(FlushPolicy flush) {
    return Plans.router(clock, Plans.withFlush(Plans.sink("archive", sink), flush));
  }

  private static void acceptThree(Router router) {
    for (int i = 0; i < 3; i++) {
      router.accept(Records.text(i));
    }
  }
}
