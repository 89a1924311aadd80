package dev.telemetryrouter.sink.firehose;

import dev.telemetryrouter.sink.testkit.FakeClock;
import dev.telemetryrouter.sink.testkit.TestSinkContext;
import dev.telemetryrouter.spi.sink.Sink;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shared set-up: a Lambda-like environment with fake credentials, never real ones. */
final class FirehoseTesting {

  /** Explicit fake keys and region, so the SDK never looks for credentials anywhere else. */
  static final Map<String, String> LAMBDA_ENV =
      Map.of(
          "AWS_REGION", "eu-west-1",
          "AWS_ACCESS_KEY_ID", "AKIDLOOPBACKTEST",
          "AWS_SECRET_ACCESS_KEY", "loopback-test-secret",
          "AWS_SESSION_TOKEN", "loopback-test-token");

  private FirehoseTesting() {}

  /** A context for sink {@code logs} with {@code options} and {@link #LAMBDA_ENV}. */
  static TestSinkContext context(Map<String, ?> options, FakeClock clock) {
    TestSinkContext.Builder builder = TestSinkContext.builder("logs").clock(clock);
    builder.options(new LinkedHashMap<>(options));
    LAMBDA_ENV.forEach(builder::env);
    return builder.build();
  }

  /** Creates and starts a sink; fails when the options recorded a problem. */
  static Sink startedSink(TestSinkContext context) throws Exception {
    Sink sink = new FirehoseSinkProvider().create(context);
    if (!context.problemLines().isEmpty()) {
      throw new AssertionError("configuration problems: " + context.problemLines());
    }
    sink.start();
    return sink;
  }
}
