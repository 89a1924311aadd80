package dev.telemetryrouter.sink.http.format;

import dev.telemetryrouter.spi.sink.OutgoingRecord;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import dev.telemetryrouter.spi.sink.SinkBatch;

/**
 * The generic form: each record as the engine's JSON object, which already carries the record's
 * stable {@code id}, either one per line ({@code application/x-ndjson}) or in one JSON array.
 */
public final class JsonFormat implements BodyFormat {

  /** Body shapes, as written in YAML under {@code body}. */
  public enum Body {
    JSON_LINES,
    JSON_ARRAY
  }

  private final Body body;

  public JsonFormat(Body body) {
    this.body = body;
  }

  @Override
  public String name() {
    return "json";
  }

  @Override
  public RecordEncoding encoding() {
    return RecordEncoding.JSON;
  }

  @Override
  public String contentType() {
    return body == Body.JSON_LINES ? "application/x-ndjson" : "application/json";
  }

  /** A newline after each line, or a comma before each element but the first. */
  @Override
  public int recordOverheadBytes() {
    return 1;
  }

  /** The array's brackets less the comma the first element does without. */
  @Override
  public int batchOverheadBytes() {
    return body == Body.JSON_LINES ? 0 : 1;
  }

  @Override
  public byte[] encode(SinkBatch batch) {
    BodyWriter out = BodyWriter.forBatch(batch);
    if (body == Body.JSON_LINES) {
      for (OutgoingRecord record : batch.records()) {
        out.raw(record.data()).raw("\n");
      }
      return out.toByteArray();
    }

    out.raw("[");
    for (int i = 0; i < batch.size(); i++) {
      out.raw(i == 0 ? "" : ",").raw(batch.records().get(i).data());
    }
    return out.raw("]").toByteArray();
  }
}
