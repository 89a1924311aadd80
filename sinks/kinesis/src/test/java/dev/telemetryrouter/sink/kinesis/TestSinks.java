package dev.telemetryrouter.sink.kinesis;

import dev.telemetryrouter.sink.testkit.FakeClock;
import dev.telemetryrouter.sink.testkit.TestSinkContext;
import dev.telemetryrouter.spi.sink.SendContext;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkBatch;
import java.time.Duration;
import java.util.Map;

/** Sinks wired to a loopback endpoint with fake credentials, never the real environment. */
final class TestSinks {

  static final FakeClock CLOCK = new FakeClock();

  private TestSinks() {}

  /** A context whose environment holds fake keys and the emulator's region, nothing else. */
  static TestSinkContext context(String name, Map<String, ?> options) {
    return TestSinkContext.builder(name)
        .options(options)
        .env("AWS_ACCESS_KEY_ID", KinesisLocal.ACCOUNT)
        .env("AWS_SECRET_ACCESS_KEY", "fake-secret-for-loopback-tests")
        .env("AWS_REGION", KinesisLocal.REGION)
        .clock(CLOCK)
        .build();
  }

  /** A started sink; fails when the options hold a problem. */
  static Sink started(Map<String, ?> options) throws Exception {
    TestSinkContext context = context("logs", options);
    Sink sink = new KinesisSinkProvider().create(context);
    if (!context.problemLines().isEmpty()) {
      throw new AssertionError("configuration problems: " + context.problemLines());
    }
    sink.start();
    return sink;
  }

  static SendResult send(Sink sink, SinkBatch batch, int attempt) throws Exception {
    return sink.send(
        batch, new SendContext(CLOCK.instant().plus(Duration.ofSeconds(30)), attempt, CLOCK));
  }
}
