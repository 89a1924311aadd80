package dev.telemetryrouter.sink.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telemetryrouter.spi.sink.OutgoingRecord;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import dev.telemetryrouter.spi.sink.SinkLimits;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceivedCheckTest {

  private final BatchFactory factory =
      new BatchFactory(
          new SinkLimits(10, 10_000, 1_000, 1, 0), RecordEncoding.MESSAGE, new FakeClock());

  @Test
  void assertExactlyOnce_withSameRecordsInAnotherOrder_passes() {
    List<OutgoingRecord> sent = factory.records(3, "x");
    List<String> received = List.of("r000003 x", "r000001 x", "r000002 x");

    assertThatCode(() -> ReceivedCheck.assertExactlyOnce(received, sent))
        .doesNotThrowAnyException();
  }

  @Test
  void assertExactlyOnce_withDuplicateAndMissingRecord_namesBothByTag() {
    List<OutgoingRecord> sent = factory.records(3, "x");
    List<String> received = List.of("r000001 x", "r000001 x", "r000002 x");

    assertThatThrownBy(() -> ReceivedCheck.assertExactlyOnce(received, sent))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "sent 3 records, received 3: 1 never arrived [r000003], 1 arrived unexpectedly or"
                + " more than once (+extra copies) [r000001 +1]");
  }

  @Test
  void recordOfDataBytes_givesExactSizeInBothEncodings() {
    BatchFactory json =
        new BatchFactory(
            new SinkLimits(10, 10_000, 1_000, 1, 0), RecordEncoding.JSON, new FakeClock());

    OutgoingRecord message = factory.recordOfDataBytes(100);
    OutgoingRecord record = json.recordOfDataBytes(700);

    assertThat(message.data()).hasSize(100);
    assertThat(record.data()).hasSize(700);
  }
}
