package dev.telemetryrouter.sink.s3;

import dev.telemetryrouter.sink.aws.AwsClients;
import dev.telemetryrouter.sink.aws.AwsErrors;
import dev.telemetryrouter.sink.aws.AwsSink;
import dev.telemetryrouter.sink.aws.CallDeadline;
import dev.telemetryrouter.spi.sink.SendContext;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.SinkBatch;
import dev.telemetryrouter.spi.sink.SinkLimits;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Writes each batch as one object with PutObject: all records succeed or fail together, so a
 * failure is thrown (retryable or final) rather than reported per record.
 */
final class S3Sink extends AwsSink<S3Client> {

  static final String TYPE = "s3";

  /** JSON lines, as log tools and Athena's JSON SerDe read them. */
  static final String CONTENT_TYPE = "application/x-ndjson";

  static final Duration PREFERRED_BATCH_AGE = Duration.ofMinutes(1);

  private static final System.Logger log = System.getLogger(S3Sink.class.getName());

  private final S3Settings settings;
  private final S3ObjectKeys keys;

  S3Sink(String name, S3Settings settings, S3ObjectKeys keys, Map<String, String> environment) {
    super(
        name,
        TYPE,
        "bucket " + settings.bucket(),
        settings.client().region(),
        () -> buildClient(settings, environment));
    this.settings = settings;
    this.keys = keys;
  }

  private static S3Client buildClient(S3Settings settings, Map<String, String> environment) {
    var builder =
        S3Client.builder()
            .forcePathStyle(settings.pathStyle())
            .requestChecksumCalculation(
                settings.checksumWhenRequired()
                    ? RequestChecksumCalculation.WHEN_REQUIRED
                    : RequestChecksumCalculation.WHEN_SUPPORTED);
    return AwsClients.build(builder, settings.client(), environment);
  }

  @Override
  public SinkLimits limits() {
    return settings.limits();
  }

  /**
   * A minute: every batch is an object, and S3 bills per PUT and query engines read many small
   * objects slowly, so records may wait longer for company than on a stream. The flush at the end
   * of an invocation still sends what is buffered, whatever its age (flush mode end_of_invoke).
   */
  @Override
  public Duration preferredBatchAge() {
    return PREFERRED_BATCH_AGE;
  }

  @Override
  public SendResult send(SinkBatch batch, SendContext context) throws Exception {
    String key = keys.keyFor(batch);
    S3ObjectBody body = S3ObjectBody.of(batch, settings.gzip());
    PutObjectRequest.Builder request =
        PutObjectRequest.builder()
            .bucket(settings.bucket())
            .key(key)
            .contentType(CONTENT_TYPE)
            .contentLength(body.length())
            .overrideConfiguration(CallDeadline.forSend(context));
    if (settings.gzip()) {
      request.contentEncoding("gzip");
    }
    if (settings.kmsKeyId() != null) {
      request.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(settings.kmsKeyId());
    }

    try {
      client()
          .putObject(
              request.build(),
              RequestBody.fromContentProvider(body::open, body.length(), CONTENT_TYPE));
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
    log.log(
        Level.DEBUG,
        "sink={0} type={1} wrote {2} records, {3} bytes, to {4}",
        name(),
        TYPE,
        batch.size(),
        body.length(),
        key);
    return SendResult.allDelivered(batch.size());
  }
}
