package dev.telemetryrouter.benchmarks;

import dev.telemetryrouter.core.config.ConfigSource;
import dev.telemetryrouter.core.config.LoadEnvironment;
import dev.telemetryrouter.core.config.RoutingConfigLoader;
import dev.telemetryrouter.core.engine.Router;
import dev.telemetryrouter.spi.FunctionContext;
import dev.telemetryrouter.spi.TelemetryRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CPU per record through the engine: the shared pipeline, routing to two sinks, encoding, buffering
 * and batching, with sinks that accept at once. One operation routes {@value #RECORDS} records and
 * flushes, the way one busy invocation ends.
 *
 * <p>{@code stages=none} is the floor (routing, encoding, batching only); {@code stages=typical}
 * adds what a user usually asks for: a type and level filter, JSON parsing, a field, redaction of
 * e-mail addresses and AWS keys.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PipelineBenchmark {

  static final int RECORDS = 1_000;

  private static final String NO_STAGES =
      """
      version: 1
      sinks:
        archive: {type: discard, flush: {mode: end_of_invoke}}
        errors:
          type: discard
          when: {field: level, in: [ERROR, FATAL]}
      """;

  private static final String TYPICAL_STAGES =
      """
      version: 1
      pipeline:
        - type: filter
          types: [function, "platform.*"]
        - type: parse_json
        - type: fields
          add: {service: checkout}
        - type: redact
          detectors: [email, aws_access_key_id]
      sinks:
        archive: {type: discard}
        errors:
          type: discard
          when: {field: level, in: [ERROR, FATAL]}
      """;

  @Param({"none", "typical"})
  public String stages;

  private Router router;
  private List<TelemetryRecord> records;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    FunctionContext function = new FunctionContext("checkout", "$LATEST", "eu-west-1", 256, null);
    LoadEnvironment environment =
        new LoadEnvironment(Map.of(), function, InstantSource.system(), new SplittableRandom(1));
    String yaml = stages.equals("none") ? NO_STAGES : TYPICAL_STAGES;
    var config =
        RoutingConfigLoader.standard().load(new ConfigSource("benchmark", yaml), environment);
    router = Router.background(config.plan(), InstantSource.system(), new SplittableRandom(2));
    router.start();
    records = SampleRecords.mixed(RECORDS, function);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    router.shutdown(Instant.now().plus(Duration.ofSeconds(5)));
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long routeAndFlush() {
    for (TelemetryRecord record : records) {
      router.accept(record);
    }
    return router.flushAll(Instant.now().plus(Duration.ofSeconds(5))).sinks().size();
  }
}
