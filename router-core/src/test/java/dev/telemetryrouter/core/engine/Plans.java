package dev.telemetryrouter.core.engine;

import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.sink.Sink;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Sink plans for tests: roomy defaults, one policy changed per test. */
final class Plans {

  static final BatchPolicy BATCH = new BatchPolicy(10, 1_000_000, Duration.ofSeconds(1));
  static final RetryPolicy RETRY =
      new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1));
  static final BufferPolicy BUFFER =
      new BufferPolicy(10_000, 100_000_000, BufferPolicy.Overflow.DROP_NEWEST, Duration.ZERO);
  static final OversizePolicy OVERSIZE =
      new OversizePolicy(OversizePolicy.Action.TRUNCATE, "…[truncated]");
  static final FlushPolicy FLUSH = new FlushPolicy(FlushPolicy.Mode.END_OF_INVOKE, Duration.ZERO);

  private Plans() {}

  static SinkPlan sink(String name, Sink sink) {
    return new SinkPlan(
        name,
        "fake",
        sink,
        record -> true,
        List.of(),
        BATCH,
        RETRY,
        BUFFER,
        OVERSIZE,
        DeadLetterPolicy.NONE,
        FLUSH);
  }

  static SinkPlan withBatch(SinkPlan p, BatchPolicy batch) {
    return new Copy(p).batch(batch).build();
  }

  static SinkPlan withRetry(SinkPlan p, RetryPolicy retry) {
    return new Copy(p).retry(retry).build();
  }

  static SinkPlan withBuffer(SinkPlan p, BufferPolicy buffer) {
    return new Copy(p).buffer(buffer).build();
  }

  static SinkPlan withOversize(SinkPlan p, OversizePolicy oversize) {
    return new Copy(p).oversize(oversize).build();
  }

  static SinkPlan withDeadLetter(SinkPlan p, DeadLetterPolicy deadLetter) {
    return new Copy(p).deadLetter(deadLetter).build();
  }

  static SinkPlan withFlush(SinkPlan p, FlushPolicy flush) {
    return new Copy(p).flush(flush).build();
  }

  static SinkPlan withRoute(SinkPlan p, Predicate<TelemetryRecord> when, List<NamedStage> stages) {
    return new Copy(p).route(when, stages).build();
  }

  /** A sink plan with one part replaced. */
  private static final class Copy {
    private final SinkPlan p;
    private Predicate<TelemetryRecord> when;
    private List<NamedStage> stages;
    private BatchPolicy batch;
    private RetryPolicy retry;
    private BufferPolicy buffer;
    private OversizePolicy oversize;
    private DeadLetterPolicy deadLetter;
    private FlushPolicy flush;

    Copy(SinkPlan p) {
      this.p = p;
      this.when = p.when();
      this.stages = p.stages();
      this.batch = p.batch();
      this.retry = p.retry();
      this.buffer = p.buffer();
      this.oversize = p.oversize();
      this.deadLetter = p.deadLetter();
      this.flush = p.flush();
    }

    Copy route(Predicate<TelemetryRecord> when, List<NamedStage> stages) {
      this.when = when;
      this.stages = stages;
      return this;
    }

    Copy batch(BatchPolicy batch) {
      this.batch = batch;
      return this;
    }

    Copy retry(RetryPolicy retry) {
      this.retry = retry;
      return this;
    }

    Copy buffer(BufferPolicy buffer) {
      this.buffer = buffer;
      return this;
    }

    Copy oversize(OversizePolicy oversize) {
      this.oversize = oversize;
      return this;
    }

    Copy deadLetter(DeadLetterPolicy deadLetter) {
      this.deadLetter = deadLetter;
      return this;
    }

    Copy flush(FlushPolicy flush) {
      this.flush = flush;
      return this;
    }

    SinkPlan build() {
      return new SinkPlan(
          p.name(),
          p.type(),
          p.sink(),
          when,
          stages,
          batch,
          retry,
          buffer,
          oversize,
          deadLetter,
          flush);
    }
  }

  static Router router(FakeClock clock, long seed, List<NamedStage> pipeline, SinkPlan... sinks) {
    return new Router(
        new RoutingPlan(pipeline, List.of(sinks)),
        clock,
        clock,
        new java.util.SplittableRandom(seed),
        null);
  }

  static Router router(FakeClock clock, SinkPlan... sinks) {
    return router(clock, 1, List.of(), sinks);
  }
}
