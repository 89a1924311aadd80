package dev.telemetryrouter.sink.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.sink.testkit.BatchFactory;
import dev.telemetryrouter.sink.testkit.FakeClock;
import dev.telemetryrouter.sink.testkit.TestSinkContext;
import dev.telemetryrouter.spi.sink.SendContext;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Creates HTTP sinks for a test and closes them afterwards. */
final class SinkHarness implements AutoCloseable {

  final FakeClock clock = new FakeClock();
  private final List<Sink> sinks = new ArrayList<>();

  /** A started sink with {@code options}; fails on any configuration problem. */
  Sink sink(Map<String, ?> options) throws Exception {
    TestSinkContext context =
        TestSinkContext.builder("intake").options(options).clock(clock).build();
    Sink sink = new HttpSinkProvider().create(context);
    sinks.add(sink);
    assertThat(context.problemLines()).isEmpty();
    sink.start();
    return sink;
  }

  BatchFactory factory(Sink sink) {
    return BatchFactory.forSink(sink, clock);
  }

  /** Sends with {@code budget} left until the deadline. */
  SendResult send(Sink sink, SinkBatch batch, Duration budget) throws Exception {
    return sink.send(batch, new SendContext(clock.instant().plus(budget), 0, clock));
  }

  SendResult send(Sink sink, SinkBatch batch) throws Exception {
    return send(sink, batch, Duration.ofSeconds(20));
  }

  @Override
  public void close() {
    sinks.forEach(Sink::close);
  }
}
