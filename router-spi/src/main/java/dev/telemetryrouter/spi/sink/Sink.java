package dev.telemetryrouter.spi.sink;

import java.time.Duration;

/**
 * A destination for records: a Firehose stream, a Kinesis stream, an S3 bucket, an HTTP intake, a
 * file.
 *
 * <p><b>Lifecycle.</b> A {@link SinkProvider} creates the sink while the configuration is
 * validated, during Lambda's Init phase, where every millisecond counts: creation must be fast and
 * must not touch the network. Build clients, TLS contexts and connection pools lazily on the first
 * {@link #send} or in {@link #start}, which the engine calls off the start-up path. Then the engine
 * calls {@link #send} any number of times and {@link #close} once at shutdown.
 *
 * <p><b>Batching is the engine's job.</b> The sink declares its {@link #limits()} and {@link
 * #encoding()}; the engine buffers, encodes, cuts batches within those limits, retries, applies the
 * per-record size policy and keeps the accounts. The sink only turns one batch into one request (or
 * a few, when its API demands) and reports what happened to each record.
 *
 * <p><b>Threading.</b> The engine calls {@link #send} from one thread at a time for a given sink,
 * never concurrently with itself; {@link #close} is never concurrent with {@link #send}.
 *
 * <p><b>Failures.</b> Report per record in the {@link SendResult}: {@link RecordOutcome.Delivered},
 * {@link RecordOutcome.Retryable} (the engine retries only these, with backoff) or {@link
 * RecordOutcome.Rejected} (final: the record goes to the dead-letter path). Throw {@link
 * RetryableSinkException} when the whole request failed in a way worth repeating (throttling, a
 * 5xx, a connection reset, a timeout after a freeze). Any other exception is final for the whole
 * batch. A sink never retries on its own beyond what its client does transparently for one request,
 * and never sleeps: the engine owns backoff and the deadline.
 *
 * <p><b>Deadlines.</b> {@link SendContext#deadline()} is when Lambda stops waiting (the end of the
 * invocation's flush budget or of the shutdown window); bound connect, read and call timeouts by
 * it.
 */
public interface Sink extends AutoCloseable {

  /** The hard limits of the destination's API; constant for the life of the sink. */
  SinkLimits limits();

  /** How the engine turns a record into the bytes of {@link OutgoingRecord#data()}. */
  RecordEncoding encoding();

  /**
   * How long the oldest buffered record should wait for company before its batch is sent anyway,
   * when the user sets no {@code batch.max_age}. Stream sinks want records out within a second; an
   * object store wants fewer, larger objects. The default is one second.
   */
  default Duration preferredBatchAge() {
    return Duration.ofSeconds(1);
  }

  /**
   * Prepares expensive resources (clients, pools) off the start-up path. Called once, on a
   * background thread, before the first {@link #send}; the default does nothing.
   */
  default void start() throws Exception {}

  /**
   * Sends one batch and reports every record's outcome, in batch order.
   *
   * @throws RetryableSinkException when the whole batch should be tried again later
   * @throws Exception any other failure, final for every record of the batch
   */
  SendResult send(SinkBatch batch, SendContext context) throws Exception;

  /**
   * Releases clients and files; idempotent. A failure while closing is logged by the sink, not
   * thrown: at shutdown there is nobody left to handle it.
   */
  @Override
  void close();
}
