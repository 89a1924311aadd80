package dev.telemetryrouter.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.spi.sink.SinkLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatcherTest {

  private static final Instant T0 = FakeClock.START;

  /** 100 bytes a batch, 2 of them the batch's brackets, 1 byte of framing per record. */
  private static final SinkLimits LIMITS = new SinkLimits(500, 100, 50, 1, 2);

  private final Batcher batcher =
      new Batcher(new BatchPolicy(500, 100, Duration.ofSeconds(5)), LIMITS);

  @Test
  void cut_whenRecordsFillTheByteLimitExactly_takesThemAll() {
    Deque<QueuedRecord> queue = queue(9, 9);
    queue.addLast(record(7));

    List<QueuedRecord> batch = batcher.cut(queue);

    assertThat(batch).hasSize(10);
    assertThat(batcher.bytes(batch)).isEqualTo(100);
    assertThat(queue).isEmpty();
  }

  @Test
  void cut_whenLastRecordIsOneByteOver_leavesItForTheNextBatch() {
    Deque<QueuedRecord> queue = queue(9, 9);
    queue.addLast(record(8));

    List<QueuedRecord> batch = batcher.cut(queue);

    assertThat(batch).hasSize(9);
    assertThat(batcher.bytes(batch)).isEqualTo(92);
    assertThat(queue).hasSize(1);
  }

  @Test
  void isDue_whenBytesReachTheLimitExactly_isTrue_andOneByteUnder_isFalse() {
    boolean atLimit = batcher.isDue(10, 98, T0, T0);
    boolean underLimit = batcher.isDue(10, 97, T0, T0);

    assertThat(atLimit).isTrue();
    assertThat(underLimit).isFalse();
  }

  @Test
  void cut_whenRecordLimitReached_stopsThere() {
    Batcher byCount = new Batcher(new BatchPolicy(3, 100, Duration.ofSeconds(5)), LIMITS);
    Deque<QueuedRecord> queue = queue(5, 1);

    List<QueuedRecord> batch = byCount.cut(queue);

    assertThat(batch).hasSize(3);
    assertThat(byCount.isDue(3, 6, T0, T0)).isTrue();
    assertThat(byCount.isDue(2, 4, T0, T0)).isFalse();
  }

  @Test
  void isDue_whenOldestRecordReachesMaxAge_isTrue_andANanosecondBefore_isFalse() {
    Instant oldest = T0;

    boolean justBefore = batcher.isDue(1, 5, oldest, T0.plusSeconds(5).minusNanos(1));
    boolean atAge = batcher.isDue(1, 5, oldest, T0.plusSeconds(5));

    assertThat(justBefore).isFalse();
    assertThat(atAge).isTrue();
  }

  @Test
  void limits_whenPolicyIsLooserThanTheSink_theSinkLimitsWin() {
    Batcher loose = new Batcher(new BatchPolicy(1_000, 10_000, Duration.ofSeconds(5)), LIMITS);
    Deque<QueuedRecord> queue = queue(20, 9);

    List<QueuedRecord> batch = loose.cut(queue);

    assertThat(batcher.bytes(batch)).isLessThanOrEqualTo(100);
    assertThat(loose.maxRecordCost()).isEqualTo(50);
  }

  @Test
  void maxRecordCost_whenBatchBytesAreTighterThanRecordLimit_leavesRoomForBatchOverhead() {
    Batcher tight = new Batcher(new BatchPolicy(10, 40, Duration.ofSeconds(5)), LIMITS);

    long max = tight.maxRecordCost();

    assertThat(max).isEqualTo(38);
  }

  private static Deque<QueuedRecord> queue(int count, int dataBytes) {
    Deque<QueuedRecord> queue = new ArrayDeque<>();
    for (int i = 0; i < count; i++) {
      queue.addLast(record(dataBytes));
    }
    return queue;
  }

  private static QueuedRecord record(int dataBytes) {
    byte[] data = new byte[dataBytes];
    return new QueuedRecord(
        Records.text(dataBytes), data, LIMITS.recordCost(dataBytes), T0, 0, false);
  }
}
