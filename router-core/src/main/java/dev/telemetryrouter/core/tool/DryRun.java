package dev.telemetryrouter.core.tool;

import dev.telemetryrouter.core.engine.Accounts;
import dev.telemetryrouter.core.engine.DeadLetterPolicy;
import dev.telemetryrouter.core.engine.Router;
import dev.telemetryrouter.core.engine.RoutingPlan;
import dev.telemetryrouter.core.engine.SinkPlan;
import dev.telemetryrouter.spi.TelemetryRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * Routes records through a loaded plan with the real engine (pipeline, routes, sink stages,
 * encoding, size policy, batching, dead letters) but with every sink replaced by a {@link
 * CaptureSink}. Flushes as the lifecycle would: at the end of each invocation ({@code
 * platform.runtimeDone}) per the sinks' flush policies, and everything at the end.
 */
final class DryRun {

  /** How long a flush may take; captures answer at once, so this only bounds the virtual clock. */
  private static final Duration FLUSH_BUDGET = Duration.ofMinutes(1);

  /**
   * What came out.
   *
   * @param accounts the engine's accounts after the final flush
   * @param captures per sink, in plan order, what it would have been sent
   * @param trace which stage dropped which record
   */
  record Result(Accounts accounts, Map<String, CaptureSink> captures, DryRunTrace trace) {}

  private DryRun() {}

  static Result run(
      RoutingPlan plan, List<TelemetryRecord> records, VirtualTime time, RandomGenerator random) {
    Path spillRoot = temporarySpillRoot();
    try {
      DryRunTrace trace = new DryRunTrace();
      Map<String, CaptureSink> captures = new LinkedHashMap<>();
      List<SinkPlan> sinks = new ArrayList<>();
      for (SinkPlan sink : plan.sinks()) {
        CaptureSink capture = new CaptureSink(sink.sink());
        captures.put(sink.name(), capture);
        sinks.add(captured(sink, capture, trace, spillRoot));
      }
      RoutingPlan traced =
          new RoutingPlan(trace.trace(DryRunTrace.PIPELINE, plan.pipeline()), sinks);

      Router router = new Router(traced, time, time, random, null);
      for (TelemetryRecord record : records) {
        time.advanceTo(record.time());
        router.accept(record);
        router.sendDue();
        if (record.type().equals("platform.runtimeDone")) {
          router.endOfInvocation(time.instant().plus(FLUSH_BUDGET));
        }
      }
      router.flushAll(time.instant().plus(FLUSH_BUDGET));
      return new Result(router.accounts(), captures, trace);
    } finally {
      deleteTree(spillRoot);
    }
  }

  /** The sink's plan with the capture in place of the sink, traced, spilling to a temp dir. */
  private static SinkPlan captured(
      SinkPlan sink, CaptureSink capture, DryRunTrace trace, Path spillRoot) {
    DeadLetterPolicy deadLetter = sink.deadLetter();
    if (deadLetter.spillDirectory() != null) {
      deadLetter =
          new DeadLetterPolicy(
              spillRoot.resolve(sink.name()), deadLetter.spillMaxBytes(), deadLetter.sinkName());
    }
    return new SinkPlan(
        sink.name(),
        sink.type(),
        capture,
        trace.trace(sink.name(), sink.when()),
        trace.traceSink(sink.name(), sink.stages()),
        sink.batch(),
        sink.retry(),
        sink.buffer(),
        sink.oversize(),
        deadLetter,
        sink.flush());
  }

  /** The start of the virtual clock: the first record's time, else {@code fallback}. */
  static Instant start(List<TelemetryRecord> records, Instant fallback) {
    return records.isEmpty() ? fallback : records.getFirst().time();
  }

  private static Path temporarySpillRoot() {
    try {
      return Files.createTempDirectory("routing-tool-spill");
    } catch (IOException e) {
      throw new UncheckedIOException("creating a temporary directory for dead letters failed", e);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("removing the dry run's temporary files failed", e);
    }
  }
}
