package dev.telemetryrouter.locallambda;

/** Mutable counters of one subscriber, guarded by the subscriber's lock; copied for reports. */
final class SubscriberStats {
  long deliveredEvents;
  long deliveredBatches;
  long droppedEvents;
  long droppedBatches;
  long failedRequests;
  long undelivered;

  SubscriberStats copy() {
    SubscriberStats copy = new SubscriberStats();
    copy.deliveredEvents = deliveredEvents;
    copy.deliveredBatches = deliveredBatches;
    copy.droppedEvents = droppedEvents;
    copy.droppedBatches = droppedBatches;
    copy.failedRequests = failedRequests;
    copy.undelivered = undelivered;
    return copy;
  }
}
