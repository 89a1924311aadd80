package dev.telemetryrouter.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.core.engine.BufferPolicy.Overflow;
import dev.telemetryrouter.spi.stage.StageResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountingTest {

  private static final int RUNS = 100;

  @TempDir Path spillRoot;

  @Test
  void accounts_afterRandomizedRuns_balanceAndMatchWhatTheSinksAndBuffersSaw() {
    for (long seed = 1; seed <= RUNS; seed++) {
      runOnce(seed);
    }
  }

  private void runOnce(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    FakeClock clock = new FakeClock();
    FakeSink a = new FakeSink().behave(new ChaosSink(seed * 31, clock));
    FakeSink b = new FakeSink().behave(new ChaosSink(seed * 37, clock));
    SinkPlan planA = randomPolicies(Plans.sink("a", a), random, "b");
    SinkPlan planB =
        Plans.withRoute(
            randomPolicies(Plans.sink("b", b), random, null),
            r -> r.id().hashCode() % 3 == 0,
            List.of());
    NamedStage dropSevens =
        new NamedStage(
            "pipeline[0]",
            r -> r.id().endsWith("7") ? StageResult.drop("filter:seven") : StageResult.keep(r));
    Router router = Plans.router(clock, seed, List.of(dropSevens), planA, planB);

    int accepted = 0;
    for (int step = 0; step < 200; step++) {
      switch (random.nextInt(6)) {
        case 0, 1 -> {
          int count = 1 + random.nextInt(8);
          for (int i = 0; i < count; i++) {
            router.accept(Records.text(accepted++));
          }
        }
        case 2 -> router.sendDue();
        case 3 -> clock.advance(Duration.ofMillis(random.nextInt(1_500)));
        case 4 -> router.flushAll(clock.instant().plusMillis(random.nextInt(3_000)));
        default -> router.endOfInvocation(clock.instant().plusMillis(random.nextInt(3_000)));
      }
      checkAgainstReality(router, seed, a);
    }
    router.shutdown(clock.instant().plusMillis(random.nextInt(5_000)));

    checkAgainstReality(router, seed, a);
    Accounts accounts = router.accounts();
    assertThat(accounts.pipelineReceived()).as("seed %d", seed).isEqualTo(accepted);
    long kept = accepted - accounts.pipelineDropped().getOrDefault("filter:seven", 0L);
    Accounts.SinkAccounts sinkA = accounts.sinks().get("a");
    assertThat(sinkA.received() - sinkA.replayed()).as("seed %d", seed).isEqualTo(kept);
    assertThat(a.deliveredIds()).as("seed %d", seed).doesNotHaveDuplicates();
    assertThat(a.closed() && b.closed()).as("seed %d", seed).isTrue();
  }

  private void checkAgainstReality(Router router, long seed, FakeSink a) {
    for (String name : List.of("a", "b")) {
      Accounts.SinkAccounts sink = router.accounts().sinks().get(name);
      assertThat(sink.balanced()).as("seed %d sink %s %s", seed, name, sink).isTrue();
      assertThat(sink.pending())
          .as("seed %d sink %s pending vs buffer", seed, name)
          .isEqualTo(router.channel(name).buffered());
    }
    assertThat(router.accounts().sinks().get("a").delivered())
        .as("seed %d delivered vs sink", seed)
        .isEqualTo(new HashSet<>(a.deliveredIds()).size());
  }

  private SinkPlan randomPolicies(SinkPlan plan, SplittableRandom random, String deadLetterSink) {
    Overflow overflow = Overflow.values()[random.nextInt(3)];
    BufferPolicy buffer =
        new BufferPolicy(
            5 + random.nextInt(40),
            2_000 + random.nextInt(20_000),
            overflow,
            Duration.ofMillis(random.nextInt(100)));
    BatchPolicy batch =
        new BatchPolicy(
            1 + random.nextInt(10),
            300 + random.nextInt(3_000),
            Duration.ofMillis(random.nextInt(2_000)));
    RetryPolicy retry =
        new RetryPolicy(
            1 + random.nextInt(4),
            Duration.ofMillis(1 + random.nextInt(100)),
            Duration.ofMillis(100 + random.nextInt(1_000)));
    DeadLetterPolicy deadLetter =
        switch (random.nextInt(3)) {
          case 0 -> DeadLetterPolicy.NONE;
          case 1 ->
              new DeadLetterPolicy(spillRoot.resolve(plan.name() + random.nextInt()), 5_000, null);
          default -> new DeadLetterPolicy(null, 0, deadLetterSink);
        };
    FlushPolicy flush =
        new FlushPolicy(FlushPolicy.Mode.values()[random.nextInt(3)], Duration.ofSeconds(2));
    return Plans.withFlush(
        Plans.withDeadLetter(
            Plans.withRetry(Plans.withBatch(Plans.withBuffer(plan, buffer), batch), retry),
            deadLetter),
        flush);
  }
}
