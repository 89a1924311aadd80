package dev.telemetryrouter.sink.firehose;

import dev.telemetryrouter.sink.testkit.SinkContractTest;
import dev.telemetryrouter.sink.testkit.TestSinkContext;
import dev.telemetryrouter.spi.sink.SinkProvider;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The sink contract against {@link FakeFirehose}, which enforces the PutRecordBatch limits. */
class FirehoseContractTest extends SinkContractTest {

  private FakeFirehose firehose;

  @BeforeEach
  void startFirehose() throws Exception {
    firehose = FakeFirehose.start("contract-stream");
  }

  @AfterEach
  void stopFirehose() throws Exception {
    firehose.close();
  }

  @Override
  protected SinkProvider provider() {
    return new FirehoseSinkProvider();
  }

  @Override
  protected Map<String, Object> options() {
    return Map.of("stream", "contract-stream", "endpoint", firehose.url());
  }

  @Override
  protected TestSinkContext context(Map<String, ? extends Object> options) {
    TestSinkContext.Builder builder =
        TestSinkContext.builder(SINK_NAME).options(options).clock(clock);
    FirehoseTesting.LAMBDA_ENV.forEach(builder::env);
    return builder.build();
  }

  @Override
  protected List<String> received() {
    return firehose.stored().stream()
        .map(data -> new String(data, StandardCharsets.UTF_8))
        .peek(text -> assertFramed(text))
        .map(text -> text.substring(0, text.length() - 1))
        .toList();
  }

  @Override
  protected Map<String, Object> unroutableOptions() {
    return Map.of("stream", "contract-stream", "endpoint", "http://127.0.0.1:9");
  }

  @Override
  protected void failRecordsOnNextSend(Set<Integer> indices) {
    firehose.then(new FakeFirehose.FailRecords(indices, "ServiceUnavailableException"));
  }

  @Override
  protected void failWholeNextSend() {
    firehose.then(new FakeFirehose.Fail(503, "ServiceUnavailableException"));
  }

  @AfterEach
  void noRequestBrokeTheLimits() {
    org.assertj.core.api.Assertions.assertThat(firehose.limitRefusals()).isEmpty();
  }

  private static void assertFramed(String text) {
    org.assertj.core.api.Assertions.assertThat(text)
        .as("each Firehose record ends with exactly one newline")
        .endsWith("\n")
        .doesNotEndWith("\n\n");
  }
}
