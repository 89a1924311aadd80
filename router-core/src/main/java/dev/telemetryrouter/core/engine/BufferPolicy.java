package dev.telemetryrouter.core.engine;

import java.time.Duration;

/**
 * The bound of a sink's buffer, which keeps memory flat whatever the sink does, and what happens to
 * a record that does not fit. Every record the policy drops is counted with its reason.
 *
 * @param maxRecords records held at most
 * @param maxBytes encoded bytes held at most
 * @param overflow what to do when full
 * @param blockTimeout with {@link Overflow#BLOCK}: how long to wait for room before dropping the
 *     new record
 */
public record BufferPolicy(
    int maxRecords, long maxBytes, Overflow overflow, Duration blockTimeout) {

  /** What to do with a record that arrives at a full buffer. */
  public enum Overflow {
    /** Drop the oldest buffered record to make room (reason {@code buffer_full_oldest}). */
    DROP_OLDEST,
    /** Drop the arriving record (reason {@code buffer_full_newest}). */
    DROP_NEWEST,
    /** Wait up to the block timeout for room, then drop the arriving record. */
    BLOCK
  }
}
