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
    return new SinkPlan(
        p.name(),
        p.type(),
        p.sink(),
        p.when(),
        p.stages(),
        batch,
        p.retry(),
        p.buffer(),
        p.oversize(),
        p.deadLetter(),
        p.flush());
  }

  static SinkPlan withRetry(SinkPlan p, RetryPolicy retry) {
    return new SinkPlan(
        p.name(),
        p.type(),
        p.sink(),
        p.when(),
        p.stages(),
        p.batch(),
        retry,
        p.buffer(),
        p.oversize(),
        p.deadLetter(),
        p.flush());
  }

  static SinkPlan withBuffer(SinkPlan p, BufferPolicy buffer) {
    return new SinkPlan(
        p.name(),
        p.type(),
        p.sink(),
        p.when(),
        p.stages(),
        p.batch(),
        p.retry(),
        buffer,
        p.oversize(),
        p.deadLetter(),
        p.flush());
  }

  static SinkPlan withOversize(SinkPlan p, OversizePolicy oversize) {
    return new SinkPlan(
        p.name(),
        p.type(),
        p.sink(),
        p.when(),
        p.stages(),
        p.batch(),
        p.retry(),
        p.buffer(),
        oversize,
        p.deadLetter(),
        p.flush());
  }

  static SinkPlan withDeadLetter(SinkPlan p, DeadLetterPolicy deadLetter) {
    return new SinkPlan(
        p.name(),
        p.type(),
        p.sink(),
        p.when(),
        p.stages(),
        p.batch(),
        p.retry(),
        p.buffer(),
        p.oversize(),
        deadLetter,
        p.flush());
  }

  static SinkPlan withFlush(SinkPlan p, FlushPolicy flush) {
    return new SinkPlan(
        p.name(),
        p.type(),
        p.sink(),
        p.when(),
        p.stages(),
        p.batch(),
        p.retry(),
        p.buffer(),
        p.oversize(),
        p.deadLetter(),
        flush);
  }

  static SinkPlan withRoute(SinkPlan p, Predicate<TelemetryRecord> when, List<NamedStage> stages) {
    return new SinkPlan(
        p.name(),
        p.type(),
        p.sink(),
        when,
        stages,
        p.batch(),
        p.retry(),
        p.buffer(),
        p.oversize(),
        p.deadLetter(),
        p.flush());
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
