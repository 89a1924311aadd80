package dev.telemetryrouter.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.core.engine.BufferPolicy.Overflow;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import dev.telemetryrouter.spi.sink.SinkLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OverflowTest {

  private final FakeClock clock = new FakeClock();
  private final FakeSink sink = new FakeSink();

  @Test
  void accept_whenFullAndDropNewest_dropsArrivingRecords() {
    Router router = router(new BufferPolicy(3, 1_000_000, Overflow.DROP_NEWEST, Duration.ZERO));

    acceptFive(router);
    router.flushAll(clock.instant().plusSeconds(1));

    assertThat(sink.deliveredIds()).containsExactly("r0", "r1", "r2");
    assertThat(accounts(router).dropped()).containsExactly(entry("buffer_full_newest", 2));
    assertThat(accounts(router).balanced()).isTrue();
  }

  @Test
  void accept_whenFullAndDropOldest_dropsTheOldestBufferedRecords() {
    Router router = router(new BufferPolicy(3, 1_000_000, Overflow.DROP_OLDEST, Duration.ZERO));

    acceptFive(router);
    router.flushAll(clock.instant().plusSeconds(1));

    assertThat(sink.deliveredIds()).containsExactly("r2", "r3", "r4");
    assertThat(accounts(router).dropped()).containsExactly(entry("buffer_full_oldest", 2));
    assertThat(accounts(router).balanced()).isTrue();
  }

  @Test
  void accept_whenFullAndBlock_waitsTheTimeoutThenDropsTheArrivingRecord() {
    Router router = router(new BufferPolicy(3, 1_000_000, Overflow.BLOCK, Duration.ofMillis(200)));

    acceptFive(router);

    assertThat(clock.elapsed()).isEqualTo(Duration.ofMillis(400));
    assertThat(accounts(router).dropped()).containsExactly(entry("buffer_full_timeout", 2));
    assertThat(accounts(router).pending()).isEqualTo(3);
  }

  @Test
  void accept_whenBytesBoundIsReached_dropsByBytesToo() {
    long recordCost = sizeOfOneRecord();
    Router router =
        router(new BufferPolicy(100, recordCost * 2, Overflow.DROP_NEWEST, Duration.ZERO));

    acceptFive(router);
    router.flushAll(clock.instant().plusSeconds(1));

    assertThat(sink.deliveredIds()).containsExactly("r0", "r1");
    assertThat(accounts(router).dropped()).containsExactly(entry("buffer_full_newest", 3));
  }

  /**
   * S3 batches up to 100,000 records into one object, against a default buffer of 10,000: a batch
   * must go once the buffer is over half full, or a burst fills the buffer and drops records the
   * sink could have taken.
   */
  @Test
  void burstLargerThanTheBuffer_whenBatchesMayBeLargerStill_isSentNotDropped() {
    BatchPolicy objectSized = new BatchPolicy(100_000, 64_000_000, Duration.ofMinutes(5));
    BufferPolicy tenRecords = new BufferPolicy(10, 1_000_000, Overflow.DROP_OLDEST, Duration.ZERO);
    Router router =
        Plans.router(
            clock,
            Plans.withBuffer(
                Plans.withBatch(
                    Plans.sink(
                        "archive",
                        new FakeSink(
                            new SinkLimits(100_000, 64_000_000, 1_000_000, 1, 0),
                            RecordEncoding.JSON)),
                    objectSized),
                tenRecords));

    for (int i = 0; i < 25; i++) {
      router.accept(Records.text(i));
      // What the sink's worker does when the buffer signals a due batch.
      router.sendDue();
    }
    router.flushAll(clock.instant().plusSeconds(1));

    Accounts.SinkAccounts archive = accounts(router);
    assertThat(archive.dropped()).isEmpty();
    assertThat(archive.delivered()).isEqualTo(25);
    assertThat(archive.balanced()).isTrue();
  }

  private long sizeOfOneRecord() {
    FakeSink probe = new FakeSink();
    Router router = Plans.router(new FakeClock(), Plans.sink("probe", probe));
    router.accept(Records.text(0));
    router.flushAll(FakeClock.START.plusSeconds(1));
    return probe.batches().getFirst().bytes();
  }

  private Router router(BufferPolicy buffer) {
    return Plans.router(clock, Plans.withBuffer(Plans.sink("archive", sink), buffer));
  }

  private static void acceptFive(Router router) {
    for (int i = 0; i < 5; i++) {
      router.accept(Records.text(i));
    }
  }

  private static Accounts.SinkAccounts accounts(Router router) {
    return router.accounts().sinks().get("archive");
  }

  private static java.util.Map.Entry<String, Long> entry(String reason, long count) {
    return java.util.Map.entry(reason, count);
  }
}
