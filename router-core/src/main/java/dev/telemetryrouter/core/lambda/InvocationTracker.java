package dev.telemetryrouter.core.lambda;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashSet;
import java.util.SequencedSet;

/**
 * Which invocations' {@code platform.runtimeDone} and {@code platform.report} have been received
 * and routed, so the lifecycle can wait for them: the Lambda Logs API page names runtimeDone as the
 * event that tells an extension an invocation's telemetry can be sent
 * (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-logs-api.html).
 *
 * <p>The intake thread marks events after routing the whole delivery that held them; the lifecycle
 * thread waits. An event may be marked before anyone waits for it (a fast function), so the latest
 * ids are remembered, a bounded number of them.
 */
final class InvocationTracker {

  /** Invocations run one at a time on default functions; a few suffice to cover any overlap. */
  private static final int REMEMBERED = 64;

  private final InstantSource clock;
  private final SequencedSet<String> runtimeDone = new LinkedHashSet<>();
  private final SequencedSet<String> reported = new LinkedHashSet<>();
  private long deliveries;

  InvocationTracker(InstantSource clock) {
    this.clock = clock;
  }

  synchronized void runtimeDone(String requestId) {
    remember(runtimeDone, requestId);
    notifyAll();
  }

  synchronized void reported(String requestId) {
    remember(reported, requestId);
    notifyAll();
  }

  /** A delivery was received and routed. */
  synchronized void delivered() {
    deliveries++;
    notifyAll();
  }

  synchronized long deliveries() {
    return deliveries;
  }

  /** Waits until {@code requestId}'s runtimeDone is routed or {@code deadline}; true if it was. */
  boolean awaitRuntimeDone(String requestId, Instant deadline) throws InterruptedException {
    return await(() -> runtimeDone.contains(requestId), deadline);
  }

  /** Waits until {@code requestId}'s report is routed or {@code deadline}; true if it was. */
  boolean awaitReport(String requestId, Instant deadline) throws InterruptedException {
    return await(() -> reported.contains(requestId), deadline);
  }

  /** Waits until {@code count} deliveries in all were routed, or {@code deadline}. */
  boolean awaitDeliveries(long count, Instant deadline) throws InterruptedException {
    return await(() -> deliveries >= count, deadline);
  }

  /** Waits until no delivery arrived for {@code quiet}, or until {@code deadline}. */
  synchronized void awaitQuiet(Duration quiet, Instant deadline) throws InterruptedException {
    long seen = deliveries;
    Instant until = min(clock.instant().plus(quiet), deadline);
    while (true) {
      boolean waited = waitUntil(until);
      if (deliveries != seen) {
        seen = deliveries;
        until = min(clock.instant().plus(quiet), deadline);
      } else if (!waited) {
        return;
      }
    }
  }

  private synchronized boolean await(Condition condition, Instant deadline)
      throws InterruptedException {
    while (!condition.holds()) {
      if (!waitUntil(deadline)) {
        return condition.holds();
      }
    }
    return true;
  }

  /** One bounded wait on this monitor; false when the deadline has passed. */
  private boolean waitUntil(Instant deadline) throws InterruptedException {
    long millis = Duration.between(clock.instant(), deadline).toMillis();
    if (millis <= 0) {
      return false;
    }
    wait(millis);
    return true;
  }

  private static void remember(SequencedSet<String> ids, String requestId) {
    ids.add(requestId);
    if (ids.size() > REMEMBERED) {
      ids.removeFirst();
    }
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  @FunctionalInterface
  private interface Condition {
    boolean holds();
  }
}
