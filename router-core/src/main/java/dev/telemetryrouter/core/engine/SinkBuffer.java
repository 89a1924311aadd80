package dev.telemetryrouter.core.engine;

import dev.telemetryrouter.core.engine.SinkLedger.From;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A sink's bounded buffer. It holds at most {@link BufferPolicy#maxRecords()} records and {@link
 * BufferPolicy#maxBytes()} bytes of arriving records, applies the overflow policy when full, and
 * counts every record it takes in or drops in the sink's ledger. Thread-safe.
 *
 * <p>Records coming back from a send that ran out of time go back to the head, past the bound: they
 * were already admitted, and there is at most a batch of them.
 *
 * <p>A replay from the dead-letter file {@linkplain #reserve reserves} room for the records it
 * sends, so that the buffer and a replay in flight together never hold more than the bound.
 */
final class SinkBuffer {

  static final String FULL_OLDEST = "buffer_full_oldest";
  static final String FULL_NEWEST = "buffer_full_newest";
  static final String FULL_TIMEOUT = "buffer_full_timeout";

  private static final System.Logger log = System.getLogger(SinkBuffer.class.getName());

  private final SinkIdentity sink;
  private final BufferPolicy policy;
  private final SinkLedger ledger;
  private final InstantSource clock;
  private final Waiter waiter;
  private final OnceLog drops = new OnceLog();
  private final ReentrantLock lock = new ReentrantLock();
  private final Deque<QueuedRecord> queue = new ArrayDeque<>();
  private long cost;
  private int reservedRecords;
  private long reservedBytes;

  /** Room left in the buffer, reservations counted. */
  record Room(int records, long bytes) {}

  SinkBuffer(
      SinkIdentity sink,
      BufferPolicy policy,
      SinkLedger ledger,
      InstantSource clock,
      Waiter waiter) {
    this.sink = sink;
    this.policy = policy;
    this.ledger = ledger;
    this.clock = clock;
    this.waiter = waiter;
  }

  /**
   * Admits an arriving record, or drops it or older ones as the overflow policy says.
   *
   * @return whether a background sender should look again: the record started the age timer of an
   *     empty buffer, or a batch is now due
   */
  boolean offer(QueuedRecord record, Batcher batcher) {
    if (record.cost() > policy.maxBytes()) {
      drop(FULL_NEWEST);
      return false;
    }
    Instant giveUpAt = clock.instant().plus(policy.blockTimeout());
    while (true) {
      lock.lock();
      try {
        if (policy.overflow() == BufferPolicy.Overflow.DROP_OLDEST) {
          evictFor(record);
        }
        if (hasRoomFor(record)) {
          add(record);
          return queue.size() == 1
              || batcher.isDue(queue.size(), cost, oldest(), record.queuedAt());
        }
        if (policy.overflow() != BufferPolicy.Overflow.BLOCK) {
          drop(FULL_NEWEST);
          return false;
        }
        if (!clock.instant().isBefore(giveUpAt)) {
          drop(FULL_TIMEOUT);
          return false;
        }
      } finally {
        lock.unlock();
      }
      waiter.waitUntil(giveUpAt);
    }
  }

  /** Takes the head batch when it is due, or whatever is there when {@code force}. */
  List<QueuedRecord> take(Batcher batcher, boolean force, Instant now) {
    List<QueuedRecord> batch;
    lock.lock();
    try {
      if (queue.isEmpty() || !(force || batcher.isDue(queue.size(), cost, oldest(), now))) {
        return List.of();
      }
      batch = batcher.cut(queue);
      batch.forEach(record -> cost -= record.cost());
      ledger.send(batch.size());
    } finally {
      lock.unlock();
    }
    waiter.wake();
    return batch;
  }

  /** Puts records that could not be sent in time back at the head, in their order. */
  void putBack(List<QueuedRecord> records, From from) {
    lock.lock();
    try {
      for (int i = records.size() - 1; i >= 0; i--) {
        queue.addFirst(records.get(i));
        cost += records.get(i).cost();
      }
      ledger.queue(from, records.size());
    } finally {
      lock.unlock();
    }
  }

  /** The room left now for a replay; it may shrink before {@link #reserve} is called. */
  Room room() {
    lock.lock();
    try {
      return new Room(
          Math.max(0, policy.maxRecords() - queue.size() - reservedRecords),
          Math.max(0, policy.maxBytes() - cost - reservedBytes));
    } finally {
      lock.unlock();
    }
  }

  /** Holds room for records a replay sends; false, holding nothing, when there is not enough. */
  boolean reserve(int records, long bytes) {
    lock.lock();
    try {
      if (queue.size() + reservedRecords + records > policy.maxRecords()
          || cost + reservedBytes + bytes > policy.maxBytes()) {
        return false;
      }
      reservedRecords += records;
      reservedBytes += bytes;
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Gives back room held by {@link #reserve}, and wakes arrivals waiting for room. */
  void release(int records, long bytes) {
    lock.lock();
    try {
      reservedRecords -= records;
      reservedBytes -= bytes;
    } finally {
      lock.unlock();
    }
    waiter.wake();
  }

  /** Removes everything buffered, for the shutdown spill; the caller accounts for it. */
  List<QueuedRecord> drain() {
    lock.lock();
    try {
      List<QueuedRecord> all = new ArrayList<>(queue);
      queue.clear();
      cost = 0;
      return all;
    } finally {
      lock.unlock();
    }
  }

  /** When the oldest record reaches the batch age limit; null when empty. */
  @Nullable Instant dueAt(Batcher batcher) {
    lock.lock();
    try {
      return batcher.dueAt(oldest());
    } finally {
      lock.unlock();
    }
  }

  int size() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  private @Nullable Instant oldest() {
    QueuedRecord head = queue.peekFirst();
    return head == null ? null : head.queuedAt();
  }

  private boolean hasRoomFor(QueuedRecord record) {
    return queue.size() + reservedRecords < policy.maxRecords()
        && cost + reservedBytes + record.cost() <= policy.maxBytes();
  }

  private void evictFor(QueuedRecord record) {
    while (!queue.isEmpty() && !hasRoomFor(record)) {
      cost -= queue.removeFirst().cost();
      ledger.drop(From.QUEUED, FULL_OLDEST, 1);
      logFirst(FULL_OLDEST);
    }
  }

  private void add(QueuedRecord record) {
    queue.addLast(record);
    cost += record.cost();
    ledger.queue(From.ARRIVING, 1);
  }

  private void drop(String reason) {
    ledger.drop(From.ARRIVING, reason, 1);
    logFirst(reason);
  }

  private void logFirst(String reason) {
    if (drops.first(reason)) {
      log.log(
          Level.ERROR,
          "{0} buffer full ({1} records, {2} bytes at most): dropping records as {3};"
              + " later drops are only counted. Raise buffer limits or check the sink",
          sink,
          policy.maxRecords(),
          policy.maxBytes(),
          reason);
    }
  }
}
