package dev.telemetryrouter.core.lambda;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Hands delivery bodies from the listener to the {@link IntakeProcessor} on a thread of their own,
 * in arrival order, so the listener is free for the next POST as soon as it answered one.
 *
 * <p>Lambda keeps one delivery in flight per subscriber, and a batch that fills up meanwhile is
 * dropped with {@code platform.logsDropped} (Lambda Telemetry API,
 * https://docs.aws.amazon.com/lambda/latest/dg/telemetry-api.html; AWS's reference emulator,
 * aws/aws-lambda-runtime-interface-emulator,
 * internal/lambda-managed-instances/aws-lambda-rie/internal/telemetry/internal/subscriber.go):
 * routing a large delivery while the next one waits to be read would lose data. The bytes held are
 * bounded; when the bound is reached the listener waits, which is the platform's signal to slow
 * down.
 */
final class DeliveryQueue implements AutoCloseable {

  private static final System.Logger log = System.getLogger(DeliveryQueue.class.getName());

  private final IntakeProcessor processor;
  private final InstantSource clock;
  private final Semaphore room;
  private final int maxQueuedBytes;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().name("telemetry-router-route").daemon().factory());

  DeliveryQueue(IntakeProcessor processor, InstantSource clock, int maxQueuedBytes) {
    this.processor = processor;
    this.clock = clock;
    this.maxQueuedBytes = maxQueuedBytes;
    this.room = new Semaphore(maxQueuedBytes);
  }

  /** Queues one body; waits while the queue holds its bound of bytes. */
  void submit(byte[] body) {
    int weight = Math.min(body.length, maxQueuedBytes);
    try {
      room.acquire(weight);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    try {
      worker.execute(
          () -> {
            try {
              processor.process(body);
            } finally {
              room.release(weight);
            }
          });
    } catch (RejectedExecutionException e) {
      room.release(weight);
      processor.counters().lateEvents.incrementAndGet();
    }
  }

  /**
   * Waits until every body queued so far was routed, or until {@code deadline}; true if all were.
   */
  boolean drain(Instant deadline) throws InterruptedException {
    Future<?> marker;
    try {
      marker = worker.submit(() -> {});
    } catch (RejectedExecutionException e) {
      return true;
    }
    long millis = Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
    try {
      marker.get(millis, TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      log.log(Level.WARNING, "intake: deliveries still being routed at the deadline");
      return false;
    } catch (ExecutionException e) {
      return true;
    }
  }

  /**
   * Routes what was queued (until {@code deadline}), then stops routing: later deliveries are only
   * counted, since the final flush is about to start.
   */
  void stopRouting(Instant deadline) throws InterruptedException {
    drain(deadline);
    processor.close();
  }

  IntakeCounters counters() {
    return processor.counters();
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
