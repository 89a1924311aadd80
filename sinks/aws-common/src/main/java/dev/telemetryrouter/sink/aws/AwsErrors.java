package dev.telemetryrouter.sink.aws;

import dev.telemetryrouter.spi.sink.RetryableSinkException;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Sorts SDK failures into retryable (the engine tries again with backoff) and final (dead-letter
 * and report). API references: Firehose PutRecordBatch,
 * https://docs.aws.amazon.com/firehose/latest/APIReference/API_PutRecordBatch.html; Kinesis
 * PutRecords, https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecords.html; S3
 * PutObject, https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html.
 *
 * <p>Retryable: HTTP 5xx and 429, throttling, the error codes below, I/O errors and timeouts on the
 * client side (a connection reset or a call cut short by a freeze is worth another try). Final:
 * every other 4xx (missing stream or bucket, access denied, bad argument, KMS key problems), and
 * client-side errors that are not I/O (no credentials, a request the SDK could not build).
 */
public final class AwsErrors {

  /**
   * Error codes worth another try whatever their HTTP status: Firehose PutRecordBatch's {@code
   * ServiceUnavailableException} (throttling) and {@code InternalFailure}; Kinesis PutRecords'
   * {@code ProvisionedThroughputExceededException}, {@code KMSThrottlingException} and {@code
   * LimitExceededException}; S3's {@code SlowDown}, {@code InternalError} and {@code
   * RequestTimeout}.
   */
  private static final Set<String> RETRYABLE_CODES =
      Set.of(
          "ServiceUnavailableException",
          "ServiceUnavailable",
          "InternalFailure",
          "InternalError",
          "InternalServerError",
          "ProvisionedThroughputExceededException",
          "KMSThrottlingException",
          "LimitExceededException",
          "ThrottlingException",
          "Throttling",
          "TooManyRequestsException",
          "SlowDown",
          "RequestTimeout",
          "RequestTimeoutException");

  private AwsErrors() {}

  /**
   * Whether a per-record error code (Firehose {@code ErrorCode}, Kinesis {@code ErrorCode}) is
   * retryable.
   */
  public static boolean isRetryableCode(String errorCode) {
    return RETRYABLE_CODES.contains(errorCode);
  }

  /**
   * The exception to throw from {@code Sink.send} for {@code failure}: a {@link
   * RetryableSinkException}, or an {@link AwsRequestRejectedException} that is final for the batch.
   */
  public static Exception translate(RuntimeException failure) {
    if (failure instanceof SdkServiceException service) {
      return translateService(service);
    }
    if (failure instanceof ApiCallTimeoutException
        || failure instanceof ApiCallAttemptTimeoutException) {
      return new RetryableSinkException("timeout: " + failure.getMessage(), failure);
    }
    if (failure instanceof SdkClientException && hasIoCause(failure)) {
      return new RetryableSinkException("I/O error: " + rootMessage(failure), failure);
    }
    return new AwsRequestRejectedException(
        "request failed before reaching AWS: " + failure.getMessage(), failure);
  }

  private static Exception translateService(SdkServiceException failure) {
    String code = errorCode(failure);
    int status = failure.statusCode();
    String reason = code + " (HTTP " + status + ")";
    if (status >= 500
        || status == 429
        || failure.isThrottlingException()
        || isRetryableCode(code)) {
      return new RetryableSinkException(reason, failure);
    }
    return new AwsRequestRejectedException(reason + ": " + hint(status, code), failure);
  }

  /** The AWS error code, or the HTTP status text when the answer held none. */
  static String errorCode(SdkServiceException failure) {
    if (failure instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
      String code = aws.awsErrorDetails().errorCode();
      if (code != null && !code.isBlank()) {
        return code;
      }
    }
    return "HTTP" + failure.statusCode();
  }

  private static String hint(int status, String code) {
    String lower = code.toLowerCase(Locale.ROOT);
    if (status == 403 || lower.contains("accessdenied")) {
      return "grant the function's execution role the action and check the KMS key policy";
    }
    if (status == 404 || lower.contains("notfound") || lower.startsWith("nosuch")) {
      return "check the stream or bucket name and the region";
    }
    if (lower.contains("kms")) {
      return "check the KMS key: it must exist, be enabled, and allow the execution role";
    }
    return "the request was refused as it is; it is not retried";
  }

  private static boolean hasIoCause(Throwable failure) {
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
