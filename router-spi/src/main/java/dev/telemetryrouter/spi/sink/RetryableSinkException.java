package dev.telemetryrouter.spi.sink;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The whole request failed in a way that may succeed if repeated: throttling, a 5xx answer, a
 * connection refused or reset, a timeout (after a freeze, say). The engine retries every record of
 * the batch with backoff, within the deadline. Any other exception from {@link Sink#send} is final.
 */
public class RetryableSinkException extends Exception {

  private static final long serialVersionUID = 1L;

  private final @Nullable Duration retryAfter;

  /**
   * @param reason short text for the accounts, such as {@code HTTP 503} or {@code
   *     ServiceUnavailableException}
   */
  public RetryableSinkException(String reason, @Nullable Throwable cause) {
    this(reason, null, cause);
  }

  /**
   * @param retryAfter the delay the destination asked for (a {@code Retry-After} header), or {@code
   *     null} to use the sink's backoff
   */
  public RetryableSinkException(
      String reason, @Nullable Duration retryAfter, @Nullable Throwable cause) {
    super(reason, cause);
    this.retryAfter = retryAfter;
  }

  /** The delay the destination asked for, or {@code null}. */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }
}
