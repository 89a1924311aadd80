package dev.telemetryrouter.sink.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.RetryableSinkException;
import dev.telemetryrouter.spi.sink.SendResult;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

class PutRecordsOutcomesTest {

  private final RandomPartitionKeys keys = new RandomPartitionKeys(new SplittableRandom(1));

  @Test
  void map_answerWithFewerResultsThanRecords_resendsTheWholeBatch() {
    PutRecordsPlan plan = PutRecordsPlan.plain(TestRecords.ofSize(3, 10), keys);
    PutRecordsResponse response =
        PutRecordsResponse.builder().failedRecordCount(0).records(delivered(), delivered()).build();

    assertThatThrownBy(() -> PutRecordsOutcomes.map(plan, response, 3))
        .isInstanceOf(RetryableSinkException.class)
        .hasMessageContaining("2 results for 3 records");
  }

  @Test
  void map_failedAggregate_appliesToEachUserRecordItCarries() throws Exception {
    PutRecordsPlan plan =
        new PutRecordsPlan(
            List.of(
                new PutRecordsPlan.Entry("a", new byte[1], List.of(0, 2)),
                new PutRecordsPlan.Entry("b", new byte[1], List.of(1, 3))));
    PutRecordsResponse response =
        PutRecordsResponse.builder()
            .failedRecordCount(1)
            .records(
                PutRecordsResultEntry.builder().errorCode("InternalFailure").build(), delivered())
            .build();

    SendResult result = PutRecordsOutcomes.map(plan, response, 4);

    RecordOutcome failed = RecordOutcome.retryable("InternalFailure");
    assertThat(result.outcomes())
        .containsExactly(failed, RecordOutcome.DELIVERED, failed, RecordOutcome.DELIVERED);
  }

  private static PutRecordsResultEntry delivered() {
    return PutRecordsResultEntry.builder()
        .sequenceNumber("49590338271490256608559692538361571095921575989136588898")
        .shardId("shardId-000000000000")
        .build();
  }
}
