package dev.telemetryrouter.core.engine;

import dev.telemetryrouter.spi.TelemetryRecord;
import java.lang.System.Logger.Level;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A sink's dead-letter path, per its {@link DeadLetterPolicy}: spill to a file, hand to another
 * sink, or both. A record that found neither is dropped under its reason; one that arrived as
 * another sink's dead letter is never handed on again, so sinks cannot pass it around in a loop.
 */
final class DeadLetters {

  /** Reason for a dead letter that the spill file had no room for, and no sink took. */
  static final String SPILL_FULL = "dead_letter_full";

  private static final System.Logger log = System.getLogger(DeadLetters.class.getName());

  private final SinkIdentity sink;
  private final @Nullable SpillFile spill;
  private final @Nullable String targetName;
  private final Function<String, @Nullable SinkChannel> channels;
  private final OnceLog once = new OnceLog();

  DeadLetters(
      SinkIdentity sink,
      @Nullable SpillFile spill,
      @Nullable String targetName,
      Function<String, @Nullable SinkChannel> channels) {
    this.sink = sink;
    this.spill = spill;
    this.targetName = targetName;
    this.channels = channels;
  }

  boolean canSpill() {
    return spill != null;
  }

  /**
   * Sends {@code record} down the dead-letter path.
   *
   * @param reason the short reason for the accounts
   * @param detail what went wrong, written into the spill entry
   * @return null when the record was spilled or handed on, else the reason it is dropped under
   */
  @Nullable String handle(QueuedRecord record, String reason, String detail) {
    boolean kept = spill(record.record(), reason + ": " + detail);
    SinkChannel target =
        targetName == null || record.deadLetter() ? null : channels.apply(targetName);
    if (target != null) {
      target.acceptDeadLetter(record.record());
      kept = true;
    }
    if (kept) {
      return null;
    }
    if (once.first(reason)) {
      log.log(
          Level.ERROR,
          "{0} dropping records that failed for good ({1}: {2}); later ones are only counted."
              + " Configure dead_letter to keep them",
          sink,
          reason,
          detail);
    }
    return spill == null ? reason : SPILL_FULL;
  }

  /** Spills without handing on, for what is left unsent at shutdown. */
  boolean spill(TelemetryRecord record, String reason) {
    return spill != null && spill.write(record, reason);
  }
}
