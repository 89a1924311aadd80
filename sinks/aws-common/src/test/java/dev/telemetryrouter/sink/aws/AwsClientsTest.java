package dev.telemetryrouter.sink.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsClientsTest {

  @Test
  void isDeadConnection_resetOrEndOfStream_isRetriedOnce() {
    assertThat(AwsClients.isDeadConnection(clientError(new SocketException("Connection reset"))))
        .isTrue();
    assertThat(AwsClients.isDeadConnection(clientError(new IOException("Unexpected end of file"))))
        .isTrue();
  }

  @Test
  void isDeadConnection_refusedOrTimedOut_isLeftToTheEngine() {
    assertThat(AwsClients.isDeadConnection(clientError(new ConnectException("refused")))).isFalse();
    assertThat(AwsClients.isDeadConnection(clientError(new SocketTimeoutException("read"))))
        .isFalse();
  }

  @Test
  void isDeadConnection_serviceAnswer_isLeftToTheEngine() {
    AwsServiceException throttled = AwsServiceException.builder().statusCode(503).build();

    assertThat(AwsClients.isDeadConnection(throttled)).isFalse();
  }

  @Test
  void retryStrategy_allowsOneExtraAttempt() {
    assertThat(AwsClients.retryStrategy().maxAttempts()).isEqualTo(2);
  }

  private static SdkClientException clientError(IOException cause) {
    return SdkClientException.create("Unable to execute HTTP request", cause);
  }
}
