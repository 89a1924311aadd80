package dev.telemetryrouter.core.engine;

import dev.telemetryrouter.core.encode.RecordEncoder;
import dev.telemetryrouter.core.encode.Utf8Text;
import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import dev.telemetryrouter.spi.sink.SinkLimits;
import org.jspecify.annotations.Nullable;

/**
 * Applies a sink's {@link OversizePolicy} to one encoded record that is over the largest cost a
 * record may have. {@code truncate} cuts the message field and the text payload, at character
 * boundaries, and appends the marker, until the encoded record fits; a record with nothing to cut
 * (an object payload without a message) is oversize all the same.
 */
final class OversizeGuard {

  /** Reason for a record that is too large for its sink and could not be cut to fit. */
  static final String OVERSIZE = "oversize";

  /** Cuts tried at most; each removes at least the excess of the one before, so few are needed. */
  private static final int MAX_CUTS = 16;

  /** A record that fits: possibly changed, with its encoding. */
  record Fitted(TelemetryRecord record, byte[] data) {}

  private final OversizePolicy policy;
  private final RecordEncoding encoding;
  private final SinkLimits limits;
  private final long maxCost;
  private final int markerBytes;

  OversizeGuard(OversizePolicy policy, RecordEncoding encoding, SinkLimits limits, long maxCost) {
    this.policy = policy;
    this.encoding = encoding;
    this.limits = limits;
    this.maxCost = maxCost;
    this.markerBytes = Utf8Text.length(policy.marker());
  }

  long cost(byte[] data) {
    return limits.recordCost(data.length);
  }

  /** The record as it will be sent, or null when it is oversize and must be dead-lettered. */
  @Nullable Fitted fit(TelemetryRecord record, byte[] data) {
    if (cost(data) <= maxCost) {
      return new Fitted(record, data);
    }
    if (policy.action() == OversizePolicy.Action.DEAD_LETTER) {
      return null;
    }
    return truncate(record, data);
  }

  private @Nullable Fitted truncate(TelemetryRecord original, byte[] originalData) {
    String message = original.message();
    String text = original.payload() instanceof String payload ? payload : null;
    boolean messageCounts = message != null;
    boolean textCounts = text != null && (encoding == RecordEncoding.JSON || message == null);
    int messageKeep = messageCounts ? Utf8Text.length(message) : -1;
    int textKeep = textCounts ? Utf8Text.length(text) : -1;

    long excess = cost(originalData) - maxCost;
    for (int cut = 0; cut < MAX_CUTS; cut++) {
      boolean cutMessage = messageKeep >= textKeep;
      int keep = cutMessage ? messageKeep : textKeep;
      if (keep <= 0) {
        return null;
      }
      int wasFull = cutMessage ? Utf8Text.length(message) : Utf8Text.length(text);
      long shorter = keep - excess - (keep == wasFull ? markerBytes : 0);
      int newKeep = (int) Math.max(0, shorter);
      if (cutMessage) {
        messageKeep = newKeep;
      } else {
        textKeep = newKeep;
      }

      TelemetryRecord cutRecord = rebuild(original, message, messageKeep, text, textKeep);
      byte[] data = RecordEncoder.encode(cutRecord, encoding);
      excess = cost(data) - maxCost;
      if (excess <= 0) {
        return new Fitted(cutRecord, data);
      }
    }
    return null;
  }

  private TelemetryRecord rebuild(
      TelemetryRecord original,
      @Nullable String message,
      int messageKeep,
      @Nullable String text,
      int textKeep) {
    TelemetryRecord.Builder builder = original.toBuilder();
    if (message != null && messageKeep >= 0 && messageKeep < Utf8Text.length(message)) {
      builder.field(
          TelemetryRecord.MESSAGE, Utf8Text.prefix(message, messageKeep) + policy.marker());
    }
    if (text != null && textKeep >= 0 && textKeep < Utf8Text.length(text)) {
      builder.payload(Utf8Text.prefix(text, textKeep) + policy.marker());
    }
    return builder.build();
  }
}
