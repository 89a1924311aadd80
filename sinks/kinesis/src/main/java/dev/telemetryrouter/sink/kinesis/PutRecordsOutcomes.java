package dev.telemetryrouter.sink.kinesis;

import dev.telemetryrouter.sink.aws.AwsErrors;
import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.RetryableSinkException;
import dev.telemetryrouter.spi.sink.SendResult;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Turns a PutRecords answer into one outcome per user record.
 *
 * <p>PutRecords API reference: the call succeeds (HTTP 200) even when some records failed; {@code
 * FailedRecordCount} counts them, and {@code Records[i]} answers request record {@code i} with a
 * sequence number and shard id, or an {@code ErrorCode}: {@code
 * ProvisionedThroughputExceededException} (the shard's write quota) or {@code InternalFailure}.
 * Both are worth a retry; any other code is final for its records. An aggregate's answer applies to
 * every user record inside it.
 */
final class PutRecordsOutcomes {

  private PutRecordsOutcomes() {}

  static SendResult map(PutRecordsPlan plan, PutRecordsResponse response, int batchSize)
      throws RetryableSinkException {
    List<PutRecordsResultEntry> results = response.records();
    if (results.size() != plan.size()) {
      // Without the alignment nobody can tell which records landed: send them all again.
      throw new RetryableSinkException(
          "PutRecords answered "
              + results.size()
              + " results for "
              + plan.size()
              + " records; resending the batch",
          null);
    }

    RecordOutcome[] outcomes = new RecordOutcome[batchSize];
    for (int i = 0; i < results.size(); i++) {
      RecordOutcome outcome = outcome(results.get(i));
      for (int index : plan.entries().get(i).batchIndices()) {
        outcomes[index] = outcome;
      }
    }
    return SendResult.of(Arrays.asList(outcomes));
  }

  private static RecordOutcome outcome(PutRecordsResultEntry result) {
    String code = result.errorCode();
    if (code == null || code.isEmpty()) {
      return RecordOutcome.DELIVERED;
    }
    if (AwsErrors.isRetryableCode(code)) {
      return RecordOutcome.retryable(code);
    }
    String message = result.errorMessage();
    return RecordOutcome.rejected(message == null ? code : code + ": " + message);
  }
}
