package dev.telemetryrouter.locallambda;

import java.util.ArrayList;
import java.util.List;

/**
 * Fans events out to the subscribers in the order they were produced. Every event produced during
 * Init is kept and replayed to each new subscriber, as the reference emulator's relay does, so a
 * subscriber also sees what happened before it subscribed
 * (aws/aws-lambda-runtime-interface-emulator,
 * internal/lambda-managed-instances/aws-lambda-rie/internal/telemetry/relay.go).
 */
final class TelemetryBus {

  private final List<TelemetryEvent> initHistory = new ArrayList<>();
  private final List<Subscriber> subscribers = new ArrayList<>();
  private boolean initOpen = true;

  synchronized void emit(TelemetryEvent event) {
    if (initOpen) {
      initHistory.add(event);
    }
    for (Subscriber subscriber : subscribers) {
      subscriber.offer(event);
    }
  }

  /** Adds a subscriber, replays the Init history to it, then starts its delivery. */
  synchronized void subscribe(Subscriber subscriber) {
    for (TelemetryEvent event : initHistory) {
      subscriber.offer(event);
    }
    subscribers.add(subscriber);
    subscriber.start();
  }

  /** Init is over: later events are no longer kept for replay. */
  synchronized void closeInit() {
    initOpen = false;
    initHistory.clear();
  }

  synchronized List<Subscriber> subscribers() {
    return List.copyOf(subscribers);
  }

  void wakeAll() {
    subscribers().forEach(Subscriber::wake);
  }

  void flushAll() {
    subscribers().forEach(Subscriber::flushNow);
  }

  boolean allIdle() {
    return subscribers().stream().allMatch(Subscriber::idle);
  }
}
