package dev.telemetryrouter.sink.http.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.SendResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading {@code _bulk} answers recorded as fixtures. */
class BulkResponseTest {

  @Test
  void read_mixedItems_mapsEachStatus() throws IOException {
    try (InputStream body = fixture("/fixtures/elasticsearch-bulk-response-errors.json")) {

      SendResult result = BulkResponse.read(body, 6, true);

      assertThat(result.outcomes())
          .containsExactly(
              RecordOutcome.DELIVERED,
              RecordOutcome.retryable(
                  "HTTP 429: es_rejected_execution_exception: rejected execution of coordinating"
                      + " operation"),
              RecordOutcome.rejected(
                  "HTTP 400: document_parsing_exception: [1:30] failed to parse field [level] of"
                      + " type [long]"),
              RecordOutcome.DELIVERED,
              RecordOutcome.retryable(
                  "HTTP 503: unavailable_shards_exception: primary shard is" + " not active"),
              RecordOutcome.DELIVERED);
    }
  }

  @Test
  void read_conflictUnderIndexAction_isRejected() throws IOException {
    try (InputStream body = fixture("/fixtures/elasticsearch-bulk-response-errors.json")) {

      SendResult result = BulkResponse.read(body, 6, false);

      assertThat(result.outcomes().get(3)).isInstanceOf(RecordOutcome.Rejected.class);
    }
  }

  @Test
  void read_noErrors_deliversAllWithoutNeedingItems() throws IOException {
    InputStream body = text("{\"took\":1,\"errors\":false,\"items\":[]}");

    SendResult result = BulkResponse.read(body, 3, true);

    assertThat(result.outcomes()).hasSize(3).containsOnly(RecordOutcome.DELIVERED);
  }

  @Test
  void read_fewerItemsThanRecords_retriesTheUnlisted() throws IOException {
    InputStream body = text("{\"errors\":true,\"items\":[{\"create\":{\"status\":201}}]}");

    SendResult result = BulkResponse.read(body, 2, true);

    assertThat(result.outcomes().get(0)).isEqualTo(RecordOutcome.DELIVERED);
    assertThat(result.outcomes().get(1)).isInstanceOf(RecordOutcome.Retryable.class);
  }

  @Test
  void read_notAnObject_failsAsIo() {
    assertThatThrownBy(() -> BulkResponse.read(text("[]"), 1, true))
        .isInstanceOf(IOException.class);
  }

  private static InputStream text(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }

  private static InputStream fixture(String path) {
    return BulkResponseTest.class.getResourceAsStream(path);
  }
}
