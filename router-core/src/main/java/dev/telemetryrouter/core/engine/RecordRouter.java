package dev.telemetryrouter.core.engine;

import dev.telemetryrouter.spi.TelemetryRecord;
import java.time.Instant;

/**
 * The engine as the lifecycle sees it: records go in, flushes are asked for with a deadline, and
 * the accounts come out.
 *
 * <p>{@link #accept} is called by the intake, possibly from several threads; it runs the shared
 * pipeline and each sink's route and stages, and puts the record into the sinks' buffers. It never
 * waits for a sink (only, under the {@code block} overflow policy, for buffer room up to its
 * timeout). The flush methods are called by the lifecycle thread, one at a time.
 */
public interface RecordRouter {

  /** Routes one record to every sink whose route accepts it. */
  void accept(TelemetryRecord record);

  /** Sends everything buffered in every sink, waiting at most until {@code deadline}. */
  FlushReport flushAll(Instant deadline);

  /**
   * The end of an invocation: each sink does what its {@link FlushPolicy} says, all within {@code
   * deadline}, so that nothing is in flight when the extension calls {@code /next}.
   */
  FlushReport endOfInvocation(Instant deadline);

  /**
   * The final flush: the time to {@code deadline} is shared across the sinks so that one slow sink
   * cannot starve the others; then sinks are closed. What could not be sent is counted as pending
   * (or spilled, when a dead-letter spill is configured).
   */
  FlushReport shutdown(Instant deadline);

  /** A consistent snapshot of the accounts. */
  Accounts accounts();
}
