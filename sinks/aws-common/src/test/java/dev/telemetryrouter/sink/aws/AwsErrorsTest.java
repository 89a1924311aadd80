package dev.telemetryrouter.sink.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.spi.sink.RetryableSinkException;
import java.io.IOException;
import java.net.SocketException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsErrorsTest {

  @ParameterizedTest
  @CsvSource({
    "ServiceUnavailableException, 503, true",
    "ServiceUnavailableException, 400, true",
    "InternalFailure, 500, true",
    "SlowDown, 503, true",
    "InternalError, 500, true",
    "KMSThrottlingException, 400, true",
    "LimitExceededException, 400, true",
    "ProvisionedThroughputExceededException, 400, true",
    "SomethingNew, 502, true",
    "TooManyRequests, 429, true",
    "ResourceNotFoundException, 400, false",
    "InvalidArgumentException, 400, false",
    "InvalidKMSResourceException, 400, false",
    "AccessDenied, 403, false",
    "NoSuchBucket, 404, false",
  })
  void translate_serviceError_followsSinkLimits(String code, int status, boolean retryable) {
    AwsServiceException failure = serviceError(code, status);

    Exception translated = AwsErrors.translate(failure);

    assertThat(translated instanceof RetryableSinkException).isEqualTo(retryable);
    assertThat(translated).hasMessageContaining(code).hasMessageContaining("HTTP " + status);
    assertThat(translated).hasCause(failure);
  }

  @Test
  void translate_accessDenied_saysToGrantTheRole() {
    Exception translated = AwsErrors.translate(serviceError("AccessDenied", 403));

    assertThat(translated)
        .isInstanceOf(AwsRequestRejectedException.class)
        .hasMessageContaining("execution role");
  }

  @Test
  void translate_connectionReset_isRetryable() {
    SdkClientException failure =
        SdkClientException.create("Unable to execute HTTP request", new SocketException("reset"));

    Exception translated = AwsErrors.translate(failure);

    assertThat(translated)
        .isInstanceOf(RetryableSinkException.class)
        .hasMessageContaining("SocketException: reset");
  }

  @Test
  void translate_callTimeout_isRetryable() {
    ApiCallTimeoutException failure = ApiCallTimeoutException.create(1500);

    assertThat(AwsErrors.translate(failure)).isInstanceOf(RetryableSinkException.class);
  }

  @Test
  void translate_clientErrorWithoutIo_isFinal() {
    SdkClientException failure = SdkClientException.create("Unable to marshall request");

    assertThat(AwsErrors.translate(failure))
        .isInstanceOf(AwsRequestRejectedException.class)
        .hasMessageContaining("Unable to marshall request");
  }

  @Test
  void translate_ioCauseDeepInChain_isRetryable() {
    SdkClientException failure =
        SdkClientException.create(
            "outer", new IllegalStateException("mid", new IOException("eof")));

    assertThat(AwsErrors.translate(failure)).isInstanceOf(RetryableSinkException.class);
  }

  @Test
  void isRetryableCode_perRecordCodes_matchTheApiDocs() {
    assertThat(AwsErrors.isRetryableCode("ServiceUnavailableException")).isTrue();
    assertThat(AwsErrors.isRetryableCode("InternalFailure")).isTrue();
    assertThat(AwsErrors.isRetryableCode("ProvisionedThroughputExceededException")).isTrue();
    assertThat(AwsErrors.isRetryableCode("InvalidArgumentException")).isFalse();
  }

  private static AwsServiceException serviceError(String code, int status) {
    return AwsServiceException.builder()
        .statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("boom").build())
        .build();
  }
}
