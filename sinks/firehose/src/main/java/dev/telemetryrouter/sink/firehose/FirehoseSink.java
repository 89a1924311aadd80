package dev.telemetryrouter.sink.firehose;

import dev.telemetryrouter.sink.aws.AwsClients;
import dev.telemetryrouter.sink.aws.AwsErrors;
import dev.telemetryrouter.sink.aws.AwsSink;
import dev.telemetryrouter.sink.aws.CallDeadline;
import dev.telemetryrouter.spi.sink.OutgoingRecord;
import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.RetryableSinkException;
import dev.telemetryrouter.spi.sink.SendContext;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.SinkBatch;
import dev.telemetryrouter.spi.sink.SinkLimits;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchRequest;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponseEntry;
import software.amazon.awssdk.services.firehose.model.Record;

/**
 * Sends each batch as one PutRecordBatch call. A call that returns {@code FailedPutCount > 0}
 * succeeded for some records only: {@code RequestResponses[i]} answers request record {@code i}, so
 * only the entries holding an {@code ErrorCode} are reported retryable and resent by the engine.
 */
final class FirehoseSink extends AwsSink<FirehoseClient> {

  static final String TYPE = "firehose";

  private static final System.Logger log = System.getLogger(FirehoseSink.class.getName());

  private final FirehoseSettings settings;
  private final SinkLimits limits;

  FirehoseSink(String name, FirehoseSettings settings, Map<String, String> environment) {
    super(
        name,
        TYPE,
        "stream " + settings.stream(),
        settings.client().region(),
        () -> AwsClients.build(FirehoseClient.builder(), settings.client(), environment));
    this.settings = settings;
    this.limits = settings.limits();
  }

  @Override
  public SinkLimits limits() {
    return limits;
  }

  @Override
  public SendResult send(SinkBatch batch, SendContext context) throws Exception {
    PutRecordBatchRequest request =
        PutRecordBatchRequest.builder()
            .deliveryStreamName(settings.stream())
            .records(records(batch))
            .overrideConfiguration(CallDeadline.forSend(context))
            .build();

    PutRecordBatchResponse response;
    try {
      response = client().putRecordBatch(request);
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }

    if (response.failedPutCount() == null || response.failedPutCount() == 0) {
      log.log(Level.DEBUG, "sink={0} type={1} put {2} records", name(), TYPE, batch.size());
      return SendResult.allDelivered(batch.size());
    }
    return partialResult(batch, response);
  }

  private List<Record> records(SinkBatch batch) {
    List<Record> records = new ArrayList<>(batch.size());
    for (OutgoingRecord record : batch.records()) {
      records.add(
          Record.builder().data(SdkBytes.fromByteArrayUnsafe(frame(record.data()))).build());
    }
    return records;
  }

  /** The record's data with the delimiter appended, unless it already ends with it. */
  byte[] frame(byte[] data) {
    byte[] delimiter = settings.delimiter();
    if (delimiter.length == 0 || endsWith(data, delimiter)) {
      return data;
    }
    byte[] framed = Arrays.copyOf(data, data.length + delimiter.length);
    System.arraycopy(delimiter, 0, framed, data.length, delimiter.length);
    return framed;
  }

  private SendResult partialResult(SinkBatch batch, PutRecordBatchResponse response)
      throws RetryableSinkException {
    List<PutRecordBatchResponseEntry> entries = response.requestResponses();
    if (entries.size() != batch.size()) {
      // Without one answer per record the failed ones cannot be told apart; Firehose delivers at
      // least once, so resending the batch is the lesser harm.
      throw new RetryableSinkException(
          "PutRecordBatch answered " + entries.size() + " entries for " + batch.size(), null);
    }

    List<RecordOutcome> outcomes = new ArrayList<>(entries.size());
    for (PutRecordBatchResponseEntry entry : entries) {
      outcomes.add(outcome(entry));
    }
    log.log(
        Level.WARNING,
        "sink={0} type={1} {2} of {3} records failed in stream {4}, first {5}; they are retried",
        name(),
        TYPE,
        response.failedPutCount(),
        batch.size(),
        settings.stream(),
        firstErrorCode(entries));
    return SendResult.of(outcomes);
  }

  private static RecordOutcome outcome(PutRecordBatchResponseEntry entry) {
    String code = entry.errorCode();
    if (code == null || code.isEmpty()) {
      return RecordOutcome.DELIVERED;
    }
    return AwsErrors.isRetryableCode(code)
        ? RecordOutcome.retryable(code)
        : RecordOutcome.rejected(code + ": " + entry.errorMessage());
  }

  private static String firstErrorCode(List<PutRecordBatchResponseEntry> entries) {
    return entries.stream()
        .map(PutRecordBatchResponseEntry::errorCode)
        .filter(code -> code != null && !code.isEmpty())
        .findFirst()
        .orElse("none");
  }

  private static boolean endsWith(byte[] data, byte[] suffix) {
    if (data.length < suffix.length) {
      return false;
    }
    int offset = data.length - suffix.length;
    return Arrays.equals(data, offset, data.length, suffix, 0, suffix.length);
  }
}
