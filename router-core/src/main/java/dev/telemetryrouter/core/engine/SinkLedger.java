package dev.telemetryrouter.core.engine;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One sink's counts. Every record the sink receives is in exactly one place at any moment, and each
 * method moves records from one place to another under one lock, so a snapshot always balances:
 * {@code received = delivered + dropped + deadLettered + queued + inFlight}.
 */
final class SinkLedger {

  /** Where records come from in a move. */
  enum From {
    /** A record the sink's route just accepted: it counts as received now. */
    ARRIVING,
    /** A record in the buffer. */
    QUEUED,
    /** A record taken into a batch that is being sent. */
    IN_FLIGHT
  }

  private long received;
  private long delivered;
  private long retried;
  private long deadLettered;
  private long queued;
  private long inFlight;
  private long deliveredBytes;
  private long replayed;
  private final Map<String, Long> dropped = new TreeMap<>();

  synchronized void queue(From from, int count) {
    leave(from, count);
    queued += count;
  }

  synchronized void send(int count) {
    leave(From.QUEUED, count);
    inFlight += count;
  }

  synchronized void deliver(int count, long bytes) {
    leave(From.IN_FLIGHT, count);
    delivered += count;
    deliveredBytes += bytes;
  }

  synchronized void drop(From from, String reason, int count) {
    leave(from, count);
    dropped.merge(reason, (long) count, Long::sum);
  }

  synchronized void deadLetter(From from, int count) {
    leave(from, count);
    deadLettered += count;
  }

  /** Records read back from the spill file into a send: received (and replayed) now. */
  synchronized void replay(int count) {
    received += count;
    replayed += count;
    inFlight += count;
  }

  synchronized void retry(int count) {
    retried += count;
  }

  synchronized Accounts.SinkAccounts snapshot() {
    return new Accounts.SinkAccounts(
        received,
        delivered,
        retried,
        Collections.unmodifiableMap(new TreeMap<>(dropped)),
        deadLettered,
        queued + inFlight,
        deliveredBytes,
        replayed);
  }

  private void leave(From from, int count) {
    switch (from) {
      case ARRIVING -> received += count;
      case QUEUED -> queued -= count;
      case IN_FLIGHT -> inFlight -= count;
    }
  }
}
