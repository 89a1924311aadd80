package dev.telemetryrouter.sink.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.sink.testkit.ConfigProblem;
import dev.telemetryrouter.sink.testkit.TestSinkContext;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkLimits;
import dev.telemetryrouter.spi.sink.SinkProvider;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class KinesisSinkProviderTest {

  @Test
  void serviceLoader_findsTheProviderForTypeKinesis() {
    assertThat(ServiceLoader.load(SinkProvider.class))
        .anySatisfy(p -> assertThat(p).isInstanceOf(KinesisSinkProvider.class))
        .extracting(SinkProvider::type)
        .contains("kinesis");
  }

  @Test
  void create_defaults_randomKeysJsonAndPutRecordsLimits() {
    TestSinkContext context = TestSinks.context("logs", Map.of("stream", "app-logs"));

    try (Sink sink = new KinesisSinkProvider().create(context)) {
      assertThat(context.problemLines()).isEmpty();
      assertThat(sink.encoding()).isEqualTo(RecordEncoding.JSON);
      assertThat(sink.limits())
          .isEqualTo(new SinkLimits(500, 5_242_880, 1_048_576, RandomPartitionKeys.KEY_CHARS, 0));
    }
  }

  @Test
  void create_keyTemplate_declaresTheLargestKeyAsOverhead() {
    Map<String, Object> options =
        Map.of("stream", "app-logs", "partition_key", "{function.name}", "encoding", "message");
    TestSinkContext context = TestSinks.context("logs", options);

    try (Sink sink = new KinesisSinkProvider().create(context)) {
      assertThat(context.problemLines()).isEmpty();
      assertThat(sink.encoding()).isEqualTo(RecordEncoding.MESSAGE);
      assertThat(sink.limits().recordOverheadBytes()).isEqualTo(256);
    }
  }

  @Test
  void create_aggregation_raisesTheRecordCapAndLowersTheByteLimits() {
    TestSinkContext context =
        TestSinks.context("logs", Map.of("stream", "app-logs", "aggregation", true));

    try (Sink sink = new KinesisSinkProvider().create(context)) {
      SinkLimits limits = sink.limits();
      assertThat(limits.maxRecordsPerBatch()).isEqualTo(10_000);
      assertThat(limits.maxBytesPerRecord()).isLessThan(1_048_576).isGreaterThan(1_048_000);
      assertThat(limits.maxBytesPerBatch()).isLessThan(5_242_880).isGreaterThan(5_240_000);
    }
  }

  @Test
  void create_badOptions_reportsEveryProblemWithItsPath() {
    Map<String, Object> options =
        Map.of("stream", "bad name!", "partition_key", "{requestId", "encoding", "xml");
    TestSinkContext context = TestSinks.context("logs", options);

    new KinesisSinkProvider().create(context).close();

    assertThat(context.config().problems())
        .extracting(ConfigProblem::path)
        .containsExactlyInAnyOrder(
            "sinks.logs.stream", "sinks.logs.partition_key", "sinks.logs.encoding");
    assertThat(String.join("\n", context.problemLines()))
        .contains("stream ARN")
        .contains("never closed");
  }

  @Test
  void create_missingStream_isAProblem() {
    TestSinkContext context = TestSinks.context("logs", Map.of());

    new KinesisSinkProvider().create(context).close();

    assertThat(context.config().problems())
        .extracting(ConfigProblem::path)
        .containsExactly("sinks.logs.stream");
  }

  @Test
  void create_streamArn_isAccepted() {
    Map<String, Object> options =
        Map.of("stream", "arn:aws:kinesis:eu-west-1:123456789012:stream/app-logs");
    TestSinkContext context = TestSinks.context("logs", options);

    new KinesisSinkProvider().create(context).close();

    assertThat(context.problemLines()).isEmpty();
  }
}
