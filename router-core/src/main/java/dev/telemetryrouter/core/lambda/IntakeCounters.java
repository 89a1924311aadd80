package dev.telemetryrouter.core.lambda;

import java.util.concurrent.atomic.AtomicLong;

/** What the intake received and what it could not use, for the summary line and for tests. */
final class IntakeCounters {

  final AtomicLong deliveries = new AtomicLong();
  final AtomicLong events = new AtomicLong();
  final AtomicLong malformedDeliveries = new AtomicLong();
  final AtomicLong oversizedDeliveries = new AtomicLong();
  final AtomicLong skippedElements = new AtomicLong();
  final AtomicLong ownLines = new AtomicLong();

  /**
   * Deliveries that held nothing but the extension's own lines. They are counted, never logged: a
   * line per such delivery would come back as the next one (Lambda Telemetry API,
   * https://docs.aws.amazon.com/lambda/latest/dg/telemetry-api.html), and the extension would keep
   * itself busy for as long as it is not frozen.
   */
  final AtomicLong ownOnlyDeliveries = new AtomicLong();

  final AtomicLong lateEvents = new AtomicLong();
  final AtomicLong routeFailures = new AtomicLong();

  /** One line for the log: {@code key=value} pairs. */
  String summary() {
    return "deliveries="
        + deliveries.get()
        + " events="
        + events.get()
        + " malformed_deliveries="
        + malformedDeliveries.get()
        + " oversized_deliveries="
        + oversizedDeliveries.get()
        + " skipped_elements="
        + skippedElements.get()
        + " own_lines="
        + ownLines.get()
        + " own_only_deliveries="
        + ownOnlyDeliveries.get()
        + " after_shutdown="
        + lateEvents.get()
        + " route_failures="
        + routeFailures.get();
  }
}
