package dev.telemetryrouter.sink.kinesis;

import dev.telemetryrouter.sink.testkit.SinkContractTest;
import dev.telemetryrouter.sink.testkit.TestSinkContext;
import dev.telemetryrouter.spi.sink.SinkProvider;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shared sink contract against kinesis-local, one fresh single-shard stream per test: the
 * emulator enforces the real record and request limits, so the boundary tests prove them. The
 * failure hooks, and aggregation under the contract, run against the scripted server ({@link
 * KinesisScriptedContractTest}); aggregation against the emulator is in {@link
 * KinesisEmulatorTest}.
 */
@ExtendWith(KinesisLocalExtension.class)
class KinesisEmulatorContractTest extends SinkContractTest {

  private final EmulatorStreams streams = KinesisLocalExtension.streams();

  private String stream = "";

  @BeforeEach
  void createStream() throws InterruptedException {
    stream = streams.create(1);
  }

  @Override
  protected SinkProvider provider() {
    return new KinesisSinkProvider();
  }

  @Override
  protected Map<String, Object> options() {
    return Map.of("stream", stream, "endpoint", KinesisLocalExtension.endpoint().toString());
  }

  @Override
  protected TestSinkContext context(Map<String, ? extends Object> options) {
    return TestSinks.context(SINK_NAME, options);
  }

  @Override
  protected List<String> received() {
    return streams.readRaw(stream).stream()
        .map(r -> new String(KplAggregateTest.bytes(r.record().data()), StandardCharsets.UTF_8))
        .toList();
  }

  @Override
  protected Map<String, Object> unroutableOptions() {
    return Map.of("stream", "logs", "endpoint", "http://127.0.0.1:9");
  }
}
