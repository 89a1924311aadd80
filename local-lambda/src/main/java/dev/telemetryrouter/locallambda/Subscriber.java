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
 * (aws/aws-lambda-runtime-interface-emulator,
 * internal/lambda-managed-instances/aws-lambda-rie/internal/telemetry/internal/: batch.go,
 * subscriber.go, client.go): a batch goes out when maxItems or maxBytes is reached or timeoutMs
 * after its first event; only one request is in flight; a batch that fills while one is in flight,
 * or one answered with a status of 400 or more or a transport error, is dropped and reported
 * through a {@code platform.logsDropped} event. Nothing is sent while the sandbox is frozen.
 *
 * <p>Once the extension process that owns the listener has exited, nothing more is sent to it, as
 * on Lambda: its events are counted as not delivered after the exit, never as drops, and no
 * logsDropped event is made about them.
 */
final class Subscriber {

  private static final System.Logger log = System.getLogger(Subscriber.class.getName());

  /** What a subscriber needs to know about the extension process that owns its listener. */
  interface Lifeline {
    /** For a registration without a launched process: it never counts as exited. */
    Lifeline NONE =
        new Lifeline() {
          @Override
          public boolean exited() {
            return false;
          }

          @Override
          public boolean exitsSoon() {
            return false;
          }
        };

    /** True once the process has exited: nothing can reach its listener any more. */
    boolean exited();

    /**
     * Asked after a failed delivery: true if the process has exited or exits shortly because it is
     * shutting down, so the failure was its listener going away with it rather than a drop.
     */
    boolean exitsSoon();
  }

  /** One rendered event and its type, kept for the report of what could not be delivered. */
  private record Item(String type, String json) {}

  static final String SLOW_CONSUMER =
      "Some logs were dropped because the downstream consumer is slower than the logs production"
          + " rate";

  private final String extension;
  private final Subscription subscription;
  private final DeliveryClient client;
  private final InstantSource clock;
  private final BooleanSupplier frozen;
  private final Lifeline lifeline;
  private final boolean dropWhileBusy;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Thread sender;

  private List<Item> batch = new ArrayList<>();
  private long batchBytes;
  private @Nullable Instant batchStart;
  private final Deque<List<Item>> full = new ArrayDeque<>();
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
      Lifeline lifeline,
      boolean dropWhileBusy) {
    this.extension = extension;
    this.dropWhileBusy = dropWhileBusy;
    this.subscription = subscription;
    this.client = client;
    this.clock = clock;
    this.frozen = frozen;
    this.lifeline = lifeline;
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
      append(new Item(event.type(), Json.write(json)));
    }
  }

  private void append(Item item) {
    lock.lock();
    try {
      if (lifeline.exited()) {
        afterExit(List.of(item));
        return;
      }
      if (closed) {
        stats.undelivered++;
        return;
      }
      if (batch.isEmpty()) {
        batchStart = clock.instant();
      }
      batch.add(item);
      batchBytes += item.json().getBytes(StandardCharsets.UTF_8).length;
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
    List<Item> sealed = batch;
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
    batch.add(new Item(event.type(), json));
    batchBytes += json.length();
  }

  /** Called with the lock held: counts events that could not go because the extension exited. */
  private void afterExit(List<Item> items) {
    for (Item item : items) {
      stats.afterExitEvents++;
      stats.afterExitTypes.merge(item.type(), 1L, Long::sum);
    }
  }

  /** Called with the lock held: the extension exited, so what is buffered can never be sent. */
  private void abandon() {
    afterExit(batch);
    full.forEach(this::afterExit);
    resetBatch();
    full.clear();
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

  /** True when nothing is in flight and nothing is buffered that could still be delivered. */
  boolean idle() {
    lock.lock();
    try {
      return !inFlight && (lifeline.exited() || (batch.isEmpty() && full.isEmpty()));
    } finally {
      lock.unlock();
    }
  }

  /** Stops delivery; what is still buffered is counted as undelivered. */
  SubscriberStats close() {
    lock.lock();
    try {
      closed = true;
      if (lifeline.exited()) {
        abandon();
      } else {
        stats.undelivered += batch.size() + full.stream().mapToInt(List::size).sum();
        resetBatch();
        full.clear();
      }
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
        List<Item> toSend = awaitBatch();
        if (toSend == null) {
          return;
        }
        send(toSend);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private @Nullable List<Item> awaitBatch() throws InterruptedException {
    lock.lock();
    try {
      while (!closed) {
        if (lifeline.exited()) {
          log.log(Level.INFO, "subscriber={0} its extension exited: delivery stops", extension);
          abandon();
          return null;
        }
        if (!frozen.getAsBoolean()) {
          List<Item> sealed = full.poll();
          if (sealed != null) {
            inFlight = true;
            return sealed;
          }
          Instant start = batchStart;
          if (start != null) {
            Duration left =
                Duration.between(clock.instant(), start.plusMillis(subscription.timeoutMs()));
            if (flushRequested || !left.isPositive()) {
              List<Item> due = batch;
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

  private void send(List<Item> events) {
    String body = "[" + String.join(",", events.stream().map(Item::json).toList()) + "]";
    String failure = client.deliver(subscription, body);
    boolean listenerGone = failure != null && lifeline.exitsSoon();
    lock.lock();
    try {
      inFlight = false;
      if (failure == null) {
        stats.deliveredBatches++;
        stats.deliveredEvents += events.size();
      } else if (listenerGone) {
        afterExit(events);
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
