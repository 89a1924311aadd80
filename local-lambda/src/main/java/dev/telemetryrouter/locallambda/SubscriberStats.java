package dev.telemetryrouter.locallambda;

import java.util.Map;
import java.util.TreeMap;

/** Mutable counters of one subscriber, guarded by the subscriber's lock; copied for reports. */
final class SubscriberStats {
  long deliveredEvents;
  long deliveredBatches;
  long droppedEvents;
  long droppedBatches;
  long failedRequests;
  long undelivered;

  /** Events not delivered because the extension had exited, in all and per event type. */
  long afterExitEvents;

  final Map<String, Long> afterExitTypes = new TreeMap<>();

  SubscriberStats copy() {
    SubscriberStats copy = new SubscriberStats();
    copy.deliveredEvents = deliveredEvents;
    copy.deliveredBatches = deliveredBatches;
    copy.droppedEvents = droppedEvents;
    copy.droppedBatches = droppedBatches;
    copy.failedRequests = failedRequests;
    copy.undelivered = undelivered;
    copy.afterExitEvents = afterExitEvents;
    copy.afterExitTypes.putAll(afterExitTypes);
    return copy;
  }
}
