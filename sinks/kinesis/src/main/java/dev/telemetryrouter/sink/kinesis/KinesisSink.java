package dev.telemetryrouter.sink.kinesis;

import dev.telemetryrouter.sink.aws.AwsClients;
import dev.telemetryrouter.sink.aws.AwsErrors;
import dev.telemetryrouter.sink.aws.AwsSink;
import dev.telemetryrouter.sink.aws.CallDeadline;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import dev.telemetryrouter.spi.sink.SendContext;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.SinkBatch;
import dev.telemetryrouter.spi.sink.SinkLimits;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;

/**
 * Sends batches to a Kinesis data stream with {@code PutRecords}, one Kinesis record per record or,
 * with aggregation, KPL aggregates of many. Only the records whose entries failed are reported
 * retryable; the engine resends them, and each keeps its partition key (see {@link PartitionKeys}).
 */
final class KinesisSink extends AwsSink<KinesisClient> {

  private static final System.Logger log = System.getLogger(KinesisSink.class.getName());

  private final KinesisSinkSettings settings;
  private final PartitionKeys keys;
  private final SinkLimits limits;

  KinesisSink(
      String name,
      KinesisSinkSettings settings,
      PartitionKeys keys,
      Map<String, String> environment) {
    super(
        name,
        "kinesis",
        "stream "
            + settings.stream()
            + " (keys "
            + keys
            + ", aggregation "
            + settings.aggregation()
            + ")",
        settings.client().region(),
        () -> AwsClients.build(KinesisClient.builder(), settings.client(), environment));
    this.settings = settings;
    this.keys = keys;
    this.limits = KinesisLimits.of(keys, settings.aggregation());
  }

  @Override
  public SinkLimits limits() {
    return limits;
  }

  @Override
  public RecordEncoding encoding() {
    return settings.encoding();
  }

  @Override
  public SendResult send(SinkBatch batch, SendContext context) throws Exception {
    PutRecordsPlan plan =
        settings.aggregation()
            ? PutRecordsPlan.aggregated(batch.records(), keys)
            : PutRecordsPlan.plain(batch.records(), keys);
    PutRecordsRequest request = request(plan, context);

    PutRecordsResponse response;
    try {
      response = client().putRecords(request);
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }

    SendResult result = PutRecordsOutcomes.map(plan, response, batch.size());
    Integer failed = response.failedRecordCount();
    if (failed != null && failed > 0) {
      log.log(
          Level.WARNING,
          "sink={0} type=kinesis batch={1} {2} of {3} Kinesis records failed; their records are"
              + " reported for retry or dead-letter",
          name(),
          batch.id(),
          failed,
          plan.size());
    }
    log.log(
        Level.DEBUG,
        "sink={0} type=kinesis batch={1} sent {2} records as {3} Kinesis records, {4} failed",
        name(),
        batch.id(),
        batch.size(),
        plan.size(),
        response.failedRecordCount());
    return result;
  }

  private PutRecordsRequest request(PutRecordsPlan plan, SendContext context) throws Exception {
    List<PutRecordsRequestEntry> entries = new ArrayList<>(plan.size());
    for (PutRecordsPlan.Entry entry : plan.entries()) {
      entries.add(
          PutRecordsRequestEntry.builder()
              .partitionKey(entry.partitionKey())
              .data(SdkBytes.fromByteArrayUnsafe(entry.data()))
              .build());
    }

    PutRecordsRequest.Builder request =
        PutRecordsRequest.builder()
            .records(entries)
            .overrideConfiguration(CallDeadline.forSend(context));
    return settings.streamIsArn()
        ? request.streamARN(settings.stream()).build()
        : request.streamName(settings.stream()).build();
  }

  @Override
  public String toString() {
    return "KinesisSink[" + name() + " -> " + settings.stream() + "]";
  }
}
