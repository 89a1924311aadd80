package dev.telemetryrouter.sink.http.format;

import dev.telemetryrouter.spi.FieldPath;
import dev.telemetryrouter.spi.sink.OutgoingRecord;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import dev.telemetryrouter.spi.sink.SinkBatch;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Grafana Loki push body for {@code /loki/api/v1/push} in its JSON form: {@code {"streams":
 * [{"stream": {labels}, "values": [["<unix epoch in nanoseconds, as a string>", "<line>"],
 * ...]}]}}. Records that share a label set share a stream.
 *
 * <p>Labels come from fixed values and from record fields. Loki indexes every distinct label set as
 * its own stream, so labels must take few values: function name, type and level by default, never
 * ids or times (the configuration refuses those), and values are cut at {@value
 * #MAX_LABEL_VALUE_CHARS} characters.
 *
 * <p>Loki keeps one copy of entries with the same timestamp and line in a stream, so a batch sent
 * twice lands once. The record id can also travel as structured metadata (Loki 3 and later), the
 * optional third element of an entry.
 */
public final class LokiPushFormat implements BodyFormat {

  /** A label whose value is read from each record. */
  public record LabelField(String label, FieldPath path) {}

  /** Cut for label values: keeps streams few and the overhead estimate bounded. */
  static final int MAX_LABEL_VALUE_CHARS = 256;

  /** Used when no other label applies: Loki refuses a stream without labels. */
  static final Map<String, String> FALLBACK_LABEL = Map.of("job", "telemetry-router");

  /** Nanoseconds since the epoch fit 19 digits until the year 2262. */
  private static final int MAX_TIMESTAMP_DIGITS = 19;

  private final SortedMap<String, String> staticLabels;
  private final List<LabelField> labelFields;
  private final RecordEncoding encoding;
  private final boolean recordIdMetadata;

  public LokiPushFormat(
      Map<String, String> staticLabels,
      List<LabelField> labelFields,
      RecordEncoding encoding,
      boolean recordIdMetadata) {
    this.staticLabels = new TreeMap<>(staticLabels);
    this.labelFields = List.copyOf(labelFields);
    this.encoding = encoding;
    this.recordIdMetadata = recordIdMetadata;
  }

  @Override
  public String name() {
    return "loki";
  }

  @Override
  public RecordEncoding encoding() {
    return encoding;
  }

  @Override
  public String contentType() {
    return "application/json";
  }

  /**
   * An entry (timestamp, quoted line, optional record id) plus, at worst, a stream of its own with
   * every label at its longest.
   */
  @Override
  public int recordOverheadBytes() {
    int entry = "[\"\",\"\"],".length() + MAX_TIMESTAMP_DIGITS;
    if (recordIdMetadata) {
      entry += ",{\"record_id\":}".length() + RECORD_ID_ALLOWANCE + 2;
    }

    int labels = FALLBACK_LABEL.toString().length() + 8;
    for (Map.Entry<String, String> label : staticLabels.entrySet()) {
      labels += BodyWriter.quotedLength(label.getKey()) + BodyWriter.quotedLength(label.getValue());
      labels += 2;
    }
    for (LabelField field : labelFields) {
      labels += BodyWriter.quotedLength(field.label()) + MAX_LABEL_VALUE_CHARS + 4;
    }
    return entry + "{\"stream\":{},\"values\":[]},".length() + labels;
  }

  @Override
  public int batchOverheadBytes() {
    return "{\"streams\":[]}".length();
  }

  @Override
  public byte[] encode(SinkBatch batch) {
    Map<Map<String, String>, List<OutgoingRecord>> streams = new LinkedHashMap<>();
    for (OutgoingRecord record : batch.records()) {
      streams.computeIfAbsent(labelsOf(record), labels -> new ArrayList<>()).add(record);
    }

    BodyWriter out = BodyWriter.forBatch(batch);
    out.raw("{").key("streams").raw("[");
    String separator = "";
    for (Map.Entry<Map<String, String>, List<OutgoingRecord>> stream : streams.entrySet()) {
      out.raw(separator);
      writeStream(out, stream.getKey(), stream.getValue());
      separator = ",";
    }
    return out.raw("]}").toByteArray();
  }

  private void writeStream(
      BodyWriter out, Map<String, String> labels, List<OutgoingRecord> records) {
    out.raw("{").key("stream").raw("{");
    String separator = "";
    for (Map.Entry<String, String> label : labels.entrySet()) {
      out.raw(separator).key(label.getKey()).string(label.getValue());
      separator = ",";
    }

    out.raw("},").key("values").raw("[");
    for (int i = 0; i < records.size(); i++) {
      OutgoingRecord record = records.get(i);
      out.raw(i == 0 ? "[" : ",[").string(epochNanos(record.record().time())).raw(",");
      out.string(new String(record.data(), StandardCharsets.UTF_8));
      if (recordIdMetadata) {
        out.raw(",{").key("record_id").string(record.id()).raw("}");
      }
      out.raw("]");
    }
    out.raw("]}");
  }

  private Map<String, String> labelsOf(OutgoingRecord record) {
    SortedMap<String, String> labels = new TreeMap<>(staticLabels);
    for (LabelField field : labelFields) {
      String value = record.record().getText(field.path());
      if (value != null && !value.isBlank()) {
        String cut =
            value.length() > MAX_LABEL_VALUE_CHARS
                ? value.substring(0, MAX_LABEL_VALUE_CHARS)
                : value;
        labels.put(field.label(), cut);
      }
    }
    return labels.isEmpty() ? FALLBACK_LABEL : labels;
  }

  /** Loki reads entry timestamps as a decimal string of nanoseconds since the epoch. */
  static String epochNanos(Instant time) {
    return Long.toString(
        Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000_000L), time.getNano()));
  }

  @Override
  public String toString() {
    return "loki[labels=" + staticLabels.keySet() + ", fields=" + labelFields + "]";
  }
}
