package dev.telemetryrouter.sink.http.format;

import dev.telemetryrouter.spi.config.Secret;
import dev.telemetryrouter.spi.sink.OutgoingRecord;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import dev.telemetryrouter.spi.sink.SinkBatch;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Splunk HTTP Event Collector events for {@code /services/collector/event}: one JSON envelope per
 * record, envelopes one after another in the body. Each envelope holds {@code time} (epoch seconds
 * with milliseconds), the optional {@code host}, {@code source}, {@code sourcetype} and {@code
 * index}, the {@code event} (the record's JSON object, or its message as a string) and, in the
 * indexed {@code fields}, the record's stable {@code record_id} so duplicates can be found.
 *
 * <p>HEC authenticates with the header {@code Authorization: Splunk <token>}.
 */
public final class SplunkHecFormat implements BodyFormat {

  /** Longest {@code time} we write: ten digits of seconds, a dot, three of milliseconds. */
  private static final int MAX_TIME_CHARS = 14;

  private final @Nullable Secret token;
  private final RecordEncoding encoding;
  private final byte[] metadata;
  private final String describe;

  /**
   * @param token the HEC token, or {@code null} when a configured header authenticates
   * @param metadata {@code host}, {@code source}, {@code sourcetype}, {@code index} as set, in that
   *     order; blank values are left out
   */
  public SplunkHecFormat(
      @Nullable Secret token, RecordEncoding encoding, Map<String, String> metadata) {
    this.token = token;
    this.encoding = encoding;

    BodyWriter out = new BodyWriter(128);
    metadata.forEach((key, value) -> out.raw(",").key(key).string(value));
    this.metadata = out.raw(",").key("event").toByteArray();
    this.describe = "splunk_hec" + metadata.keySet() + "[encoding=" + encoding + "]";
  }

  @Override
  public String name() {
    return "splunk_hec";
  }

  @Override
  public RecordEncoding encoding() {
    return encoding;
  }

  @Override
  public String contentType() {
    return "application/json";
  }

  @Override
  public Map<String, Secret> headers() {
    Map<String, Secret> headers = new LinkedHashMap<>();
    if (token != null) {
      headers.put("Authorization", new Secret("Splunk " + token.reveal()));
    }
    return headers;
  }

  /** The envelope around the event, its record id and newline; quotes for a text event. */
  @Override
  public int recordOverheadBytes() {
    int envelope = "{\"time\":".length() + MAX_TIME_CHARS + metadata.length;
    int fields = ",\"fields\":{\"record_id\":".length() + RECORD_ID_ALLOWANCE + 2 + "}}\n".length();
    return envelope + fields + (encoding == RecordEncoding.MESSAGE ? 2 : 0);
  }

  @Override
  public int batchOverheadBytes() {
    return 0;
  }

  @Override
  public byte[] encode(SinkBatch batch) {
    BodyWriter out = BodyWriter.forBatch(batch);
    for (OutgoingRecord record : batch.records()) {
      out.raw("{").key("time").raw(epochSeconds(record.record().time())).raw(metadata);
      if (encoding == RecordEncoding.JSON) {
        out.raw(record.data());
      } else {
        out.string(new String(record.data(), StandardCharsets.UTF_8));
      }
      out.raw(",").key("fields").raw("{").key("record_id").string(record.id()).raw("}}\n");
    }
    return out.toByteArray();
  }

  /** Seconds since the epoch with three decimals, as HEC reads {@code time}. */
  static String epochSeconds(Instant time) {
    long millis = time.toEpochMilli();
    long seconds = Math.floorDiv(millis, 1000);
    long fraction = Math.floorMod(millis, 1000);
    return seconds + "." + (fraction < 10 ? "00" : fraction < 100 ? "0" : "") + fraction;
  }

  @Override
  public String toString() {
    return describe;
  }
}
