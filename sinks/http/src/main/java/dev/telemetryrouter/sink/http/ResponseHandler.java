package dev.telemetryrouter.sink.http;

import dev.telemetryrouter.sink.http.format.BodyFormat;
import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.RetryableSinkException;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.SinkBatch;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Set;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Turns an intake's answer into the outcome of a batch, per the HTTP sink's rules (docs/sinks.md):
 * 2xx delivered (or per item, for formats that answer per item); 408, 429, 500, 502, 503 and 504
 * worth another try, honouring {@code Retry-After}; 413 too large, so the engine splits the batch;
 * any other status final, with the status and the start of the answer in the reason.
 */
final class ResponseHandler {

  /**
   * Statuses a repeat of the same request may get past: 408 Request Timeout, 500, 502, 503 and 504
   * (RFC 9110) and 429 Too Many Requests (RFC 6585).
   */
  static final Set<Integer> RETRYABLE = Set.of(408, 429, 500, 502, 503, 504);

  static final int PAYLOAD_TOO_LARGE = 413;

  /** How much of an error answer goes into the reason: enough to read the intake's message. */
  static final int BODY_START_BYTES = 256;

  private ResponseHandler() {}

  static SendResult handle(
      Response response, SinkBatch batch, BodyFormat format, InstantSource clock)
      throws IOException, RetryableSinkException {
    int status = response.code();
    if (status >= 200 && status < 300) {
      if (!format.readsResponseBody()) {
        return SendResult.allDelivered(batch.size());
      }
      try (InputStream body = response.body().byteStream()) {
        return format.delivered(batch, body);
      }
    }

    String reason = reason(response);
    if (status == PAYLOAD_TOO_LARGE) {
      return SendResult.tooLarge(reason);
    }
    if (RETRYABLE.contains(status)) {
      Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), clock);
      throw new RetryableSinkException(reason, retryAfter, null);
    }
    return SendResult.all(batch.size(), RecordOutcome.rejected(reason + hint(status)));
  }

  /** {@code HTTP 401: <start of the body>}, on one line. */
  static String reason(Response response) throws IOException {
    String start = response.peekBody(BODY_START_BYTES).string();
    String oneLine = start.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    return "HTTP " + response.code() + (oneLine.isEmpty() ? "" : ": " + oneLine);
  }

  private static String hint(int status) {
    @Nullable String hint =
        switch (status) {
          case 401, 403 -> " (check the credentials in headers or token)";
          case 404 -> " (check url)";
          case 301, 302, 303, 307, 308 -> " (redirects are not followed: set url to the target)";
          default -> null;
        };
    return hint == null ? "" : hint;
  }
}
