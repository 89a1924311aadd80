package dev.telemetryrouter.core.lambda;

import dev.telemetryrouter.core.engine.RecordRouter;
import dev.telemetryrouter.spi.TelemetryRecord;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes the content of one delivery: decode, assemble records, set aside the extension's own
 * lines, hand the rest to the router, then tell the {@link InvocationTracker} which invocations'
 * {@code runtimeDone} and {@code report} are now routed.
 *
 * <p>Never throws: a delivery it cannot read is counted and logged (without its content), and the
 * listener has answered it already.
 */
final class IntakeProcessor {

  private static final System.Logger log = System.getLogger(IntakeProcessor.class.getName());

  private final DeliveryDecoder decoder = new DeliveryDecoder();
  private final RecordAssembler assembler;
  private final OwnLines ownLines = new OwnLines();
  private final RecordRouter router;
  private final InvocationTracker tracker;
  private final IntakeCounters counters;
  private final boolean routeOwnLogs;
  private boolean closed;

  IntakeProcessor(
      RecordAssembler assembler,
      RecordRouter router,
      InvocationTracker tracker,
      IntakeCounters counters,
      boolean routeOwnLogs) {
    this.assembler = assembler;
    this.router = router;
    this.tracker = tracker;
    this.counters = counters;
    this.routeOwnLogs = routeOwnLogs;
  }

  /** Routes one delivery body; called by the listener, one delivery at a time. */
  synchronized void process(byte[] body) {
    counters.deliveries.incrementAndGet();
    List<TelemetryRecord> ends = new ArrayList<>(2);
    long ownBefore = counters.ownLines.get();
    DeliveryDecoder.Counts result = decoder.decode(body, event -> route(event, ends));
    if (result.malformed()) {
      counters.malformedDeliveries.incrementAndGet();
      log.log(
          Level.WARNING,
          "intake: a delivery of {0} bytes could not be read to its end ({1}); the {2} events"
              + " before the error were routed",
          body.length,
          result.error(),
          result.events());
    }
    counters.skippedElements.addAndGet(result.skippedElements());

    long own = counters.ownLines.get() - ownBefore;
    if (own > 0 && own == result.events()) {
      counters.ownOnlyDeliveries.incrementAndGet();
    }
    // Marked only once the whole delivery is in the router: the tracker may then let the final
    // flush start, and the events after a runtimeDone in the same delivery belong in it.
    ends.forEach(this::mark);
    tracker.delivered();
  }

  IntakeCounters counters() {
    return counters;
  }

  /**
   * Stops routing: events that arrive later are only counted. Waits for a delivery being routed to
   * finish, so that everything received before is in the router when its final flush starts.
   */
  synchronized void close() {
    closed = true;
  }

  /** Routes one event; keeps aside the records that end an invocation, to be marked later. */
  private void route(PlatformEvent event, List<TelemetryRecord> ends) {
    counters.events.incrementAndGet();
    if (closed) {
      counters.lateEvents.incrementAndGet();
      return;
    }
    try {
      TelemetryRecord record = assembler.assemble(event);
      if (ownLines.isOwn(record) && !routeOwnLogs) {
        counters.ownLines.incrementAndGet();
        return;
      }
      if (endsInvocation(record)) {
        ends.add(record);
      }
      router.accept(record);
    } catch (RuntimeException | StackOverflowError e) {
      // One event's overflow (a record nested near Jackson's 1000 levels, copied and encoded by
      // recursion on a 512 KiB stack) must not end the delivery: the events after it, its
      // runtimeDone among them, would be lost with no count.
      counters.routeFailures.incrementAndGet();
      log.log(Level.ERROR, "intake: an event of type {0} could not be routed", event.type(), e);
    }
  }

  private static boolean endsInvocation(TelemetryRecord record) {
    return switch (record.type()) {
      case "platform.runtimeDone", "platform.report" -> true;
      default -> false;
    };
  }

  private void mark(TelemetryRecord record) {
    String requestId = record.requestId();
    if (requestId == null) {
      return;
    }
    switch (record.type()) {
      case "platform.runtimeDone" -> tracker.runtimeDone(requestId);
      case "platform.report" -> tracker.reported(requestId);
      default -> {}
    }
  }
}
