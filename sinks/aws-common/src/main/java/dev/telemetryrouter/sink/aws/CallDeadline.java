package dev.telemetryrouter.sink.aws;

import dev.telemetryrouter.spi.sink.RetryableSinkException;
import dev.telemetryrouter.spi.sink.SendContext;
import java.time.Duration;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;

/**
 * Bounds one SDK call by the send's deadline, so that a slow or frozen-then-thawed call ends before
 * Lambda stops waiting for the flush (see {@code Sink} on deadlines).
 */
public final class CallDeadline {

  /**
   * Below this there is no point starting a request: a TLS handshake alone takes longer, and the
   * engine is better served by the failure now than by a timeout a moment later.
   */
  static final Duration MINIMUM_CALL_TIME = Duration.ofMillis(20);

  private CallDeadline() {}

  /**
   * The override to put on the request: {@code apiCallTimeout} is what is left of the deadline,
   * covering every attempt the SDK makes.
   *
   * @throws RetryableSinkException when too little time is left to start a request
   */
  public static AwsRequestOverrideConfiguration forSend(SendContext context)
      throws RetryableSinkException {
    Duration left = context.remaining();
    if (left.compareTo(MINIMUM_CALL_TIME) < 0) {
      throw new RetryableSinkException("no time left before the send deadline", null);
    }
    return AwsRequestOverrideConfiguration.builder().apiCallTimeout(left).build();
  }
}
