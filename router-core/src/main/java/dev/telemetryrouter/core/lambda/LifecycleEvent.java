package dev.telemetryrouter.core.lambda;

import java.time.Instant;

/**
 * An event from the Extensions API's {@code /event/next} (Lambda Extensions API,
 * https://docs.aws.amazon.com/lambda/latest/dg/runtimes-extensions-api.html).
 */
sealed interface LifecycleEvent {

  /**
   * An invocation started.
   *
   * @param requestId the invocation's request id
   * @param deadline when the function times out ({@code deadlineMs})
   */
  record Invoke(String requestId, Instant deadline) implements LifecycleEvent {}

  /**
   * The environment is shutting down.
   *
   * @param reason {@code spindown}, {@code timeout} or {@code failure}; compare without regard to
   *     case, the docs spell them in capitals and the platform sends lower case
   * @param deadline the hard stop: the process is killed then ({@code deadlineMs})
   */
  record Shutdown(String reason, Instant deadline) implements LifecycleEvent {}

  /** An event type this extension does not know; it is logged and skipped. */
  record Other(String eventType) implements LifecycleEvent {}
}
