package dev.telemetryrouter.core.engine;

/**
 * What to do with one record whose encoding exceeds the sink's per-record limit. It applies to that
 * record alone; the rest of its batch goes through.
 *
 * @param action truncate or dead-letter
 * @param marker with {@link Action#TRUNCATE}: text appended to a cut message, such as {@code
 *     …[truncated]}
 */
public record OversizePolicy(Action action, String marker) {

  /** The choice for an oversized record. */
  public enum Action {
    /** Cut the message (or text payload) so the record fits, and append the marker. */
    TRUNCATE,
    /** Send the record to the dead-letter path, reason {@code oversize}. */
    DEAD_LETTER
  }
}
