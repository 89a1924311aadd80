package dev.telemetryrouter.locallambda;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Buffers the events of one subscription and delivers them, following the reference emulator
 * (lambda-platform.md §2.2): a batch goes out when maxItems or maxBytes is reached or timeoutMs
 * after its first event; only one request is in flight; a batch that fills while one is in flight,
 * or one answered with a status of 400 or more or a transport error, is dropped and reported
 * through a {@code platform.logsDropped} event. Nothing is sent while the sandbox is frozen.
 */
final class Subscriber {

  private static final System.Logger log = System.getLogger(Subscriber.class.getName());

  static final String SLOW_CONSUMER =
      "Some logs were dropped because the downstream consumer is slower than the logs production"
          + " rate";

  private final String extension;
  private final Subscription subscription;
  private final DeliveryClient client;
  private final InstantSource clock;
  private final BooleanSupplier frozen;
  private final boolean dropWhileBusy;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Thread sender;

  private List<String> batch = new ArrayList<>();
  private long batchBytes;
  private @Nullable Instant batchStart;
  private final Deque<List<String>> full = new ArrayDeque<>();
  private boolean inFlight;
  private boolean flushRequested;
  private boolean closed;
  private final SubscriberStats stats = new SubscriberStats();

  Subscriber(
      String extension,
      Subscription subscription,
      DeliveryClient client,
      InstantSource clock,
      BooleanSupplier frozen,
      boolean dropWhileBusy) {
    this.extension = extension;
    this.dropWhileBusy = dropWhileBusy;
    this.subscription = subscription;
    this.client = client;
    this.clock = clock;
    this.frozen = frozen;
    this.sender = Thread.ofVirtual().name("deliver-" + extension).unstarted(this::run);
  }

  void start() {
    sender.start();
  }

  String extension() {
    return extension;
  }

  Subscription subscription() {
    return subscription;
  }

  /** Adds one event if the subscription covers its type and the dialect renders it. */
  void offer(TelemetryEvent event) {
    if (!subscription.types().contains(event.category())) {
      return;
    }
    Map<String, Object> json = event.toJson(subscription.dialect());
    if (json != null) {
      append(Json.write(json));
    }
  }

  private void append(String eventJson) {
    lock.lock();
    try {
      if (closed) {
        stats.undelivered++;
        return;
      }
      if (batch.isEmpty()) {
        batchStart = clock.instant();
      }
      batch.add(eventJson);
      batchBytes += eventJson.getBytes(StandardCharsets.UTF_8).length;
      if (batch.size() >= subscription.maxItems() || batchBytes >= subscription.maxBytes()) {
        sealFullBatch();
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Called with the lock held: the current batch is full and must go or be dropped. */
  private void sealFullBatch() {
    List<String> sealed = batch;
    long sealedBytes = batchBytes;
    resetBatch();
    if (dropWhileBusy && (inFlight || !full.isEmpty())) {
      dropped(sealed.size(), sealedBytes, SLOW_CONSUMER);
    } else {
      full.add(sealed);
    }
  }

  private void resetBatch() {
    batch = new ArrayList<>();
    batchBytes = 0;
    batchStart = null;
  }

  /** Called with the lock held: counts a dropped batch and queues the logsDropped event. */
  private void dropped(int records, long bytes, String reason) {
    stats.droppedBatches++;
    stats.droppedEvents += records;
    log.log(
        Level.WARNING,
        "subscriber={0} dropped {1} events ({2} bytes): {3}",
        extension,
        Integer.toString(records),
        Long.toString(bytes),
        reason);
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("reason", reason);
    record.put("droppedRecords", (long) records);
    record.put("droppedBytes", bytes);
    TelemetryEvent event = TelemetryEvent.fixed(clock.instant(), "platform.logsDropped", record);
    String json = Json.write(Objects.requireNonNull(event.toJson(subscription.dialect())));
    if (batch.isEmpty()) {
      batchStart = clock.instant();
    }
    batch.add(json);
    batchBytes += json.length();
  }

  /** Sends what is buffered now instead of waiting for timeoutMs (used at SHUTDOWN). */
  void flushNow() {
    lock.lock();
    try {
      flushRequested = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Wakes the sender, for instance after a thaw. */
  void wake() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** True when nothing is buffered and nothing is in flight. */
  boolean idle() {
    lock.lock();
    try {
      return batch.isEmpty() && full.isEmpty() && !inFlight;
    } finally {
      lock.unlock();
    }
  }

  /** Stops delivery; what is still buffered is counted as undelivered. */
  SubscriberStats close() {
    lock.lock();
    try {
      closed = true;
      stats.undelivered += batch.size() + full.stream().mapToInt(List::size).sum();
      batch = new ArrayList<>();
      full.clear();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    sender.interrupt();
    return stats.copy();
  }

  SubscriberStats stats() {
    lock.lock();
    try {
      return stats.copy();
    } finally {
      lock.unlock();
    }
  }

  private void run() {
    try {
      while (true) {
        List<String> toSend = awaitBatch();
        if (toSend == null) {
          return;
        }
        send(toSend);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private @Nullable List<String> awaitBatch() throws InterruptedException {
    lock.lock();
    try {
      while (!closed) {
        if (!frozen.getAsBoolean()) {
          List<String> sealed = full.poll();
          if (sealed != null) {
            inFlight = true;
            return sealed;
          }
          Instant start = batchStart;
          if (start != null) {
            Duration left =
                Duration.between(clock.instant(), start.plusMillis(subscription.timeoutMs()));
            if (flushRequested || !left.isPositive()) {
              List<String> due = batch;
              resetBatch();
              flushRequested = false;
              inFlight = true;
              return due;
            }
            changed.await(left.toNanos(), TimeUnit.NANOSECONDS);
            continue;
          }
        }
        changed.await(250, TimeUnit.MILLISECONDS);
      }
      return null;
    } finally {
      lock.unlock();
    }
  }

  private void send(List<String> events) {
    String body = "[" + String.join(",", events) + "]";
    String failure = client.deliver(subscription, body);
    lock.lock();
    try {
      inFlight = false;
      if (failure == null) {
        stats.deliveredBatches++;
        stats.deliveredEvents += events.size();
      } else {
        stats.failedRequests++;
        dropped(events.size(), body.getBytes(StandardCharsets.UTF_8).length, failure);
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
