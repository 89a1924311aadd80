package dev.telemetryrouter.core.stage;

import dev.telemetryrouter.spi.FieldPath;
import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.config.ConfigSection;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Writing record fields from stages without ever throwing for an odd record. */
final class Fields {

  /** The record's own parts, which {@link TelemetryRecord#with} refuses to set. */
  private static final Set<String> READ_ONLY = Set.of("time", "type", "id", "function");

  private Fields() {}

  /** Records a problem when {@code path} names a part of the record that cannot be written. */
  static void checkWritable(ConfigSection config, String key, FieldPath path) {
    if (READ_ONLY.contains(path.head())) {
      config.problem(
          key,
          path.toString(),
          "a field path outside time, type, id and function, which are fixed");
    }
  }

  /**
   * Records a problem when {@code path} names something {@link TelemetryRecord#without} cannot take
   * away: the record's own parts, or the whole payload; a member under {@code record.} can go.
   */
  static void checkRemovable(ConfigSection config, String key, FieldPath path) {
    boolean ownPart = READ_ONLY.contains(path.head());
    boolean wholePayload = path.head().equals("record") && path.tail().isEmpty();
    if (ownPart || wholePayload) {
      config.problem(
          key,
          path.toString(),
          "a field, or a member of a JSON payload such as record.password; time, type, id,"
              + " function and record itself are the record's own parts and stay");
    }
  }

  /**
   * A copy with {@code value} at {@code path}; the record unchanged when the path cannot be written
   * for this record (under {@code record} of a text payload, or through a non-object).
   */
  static TelemetryRecord set(TelemetryRecord record, FieldPath path, @Nullable Object value) {
    boolean intoPayload = path.head().equals("record") && !path.tail().isEmpty();
    if (intoPayload && record.payloadObject() == null) {
      return record;
    }
    try {
      return record.with(path, value);
    } catch (IllegalArgumentException notWritable) {
      return record;
    }
  }
}
