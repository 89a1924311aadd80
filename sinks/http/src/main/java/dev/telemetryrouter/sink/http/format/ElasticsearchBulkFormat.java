package dev.telemetryrouter.sink.http.format;

import dev.telemetryrouter.spi.sink.OutgoingRecord;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.SinkBatch;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The Elasticsearch (and OpenSearch) {@code _bulk} body: newline-delimited JSON where each record
 * is an action line naming the index and the document id, then the record itself as the source
 * line, every line ending in a newline, the last one included.
 *
 * <p>The record's stable id is the document {@code _id}, so a batch sent twice (a timeout that was
 * really a success) lands once. With the default {@code create} action a second copy is answered
 * 409, which therefore counts as delivered; {@code create} is also the only action data streams
 * accept.
 */
public final class ElasticsearchBulkFormat implements BodyFormat {

  /** The bulk action per record, as written in YAML under {@code action}. */
  public enum Action {
    CREATE,
    INDEX;

    String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final String name;
  private final @Nullable String index;
  private final Action action;
  private final byte[] actionPrefix;

  /**
   * @param name {@code elasticsearch} or {@code opensearch}
   * @param index the target index, or {@code null} when the URL names it ({@code /logs/_bulk})
   */
  public ElasticsearchBulkFormat(String name, @Nullable String index, Action action) {
    this.name = name;
    this.index = index;
    this.action = action;
    BodyWriter prefix = new BodyWriter(64).raw("{").key(action.key()).raw("{");
    if (index != null) {
      prefix.key("_index").string(index).raw(",");
    }
    this.actionPrefix = prefix.key("_id").toByteArray();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public RecordEncoding encoding() {
    return RecordEncoding.JSON;
  }

  /** The bulk API expects newline-delimited JSON under this type. */
  @Override
  public String contentType() {
    return "application/x-ndjson";
  }

  /** The action line with its id and newline, and the source line's newline. */
  @Override
  public int recordOverheadBytes() {
    return actionPrefix.length + RECORD_ID_ALLOWANCE + "}}\n".length() + 1;
  }

  @Override
  public int batchOverheadBytes() {
    return 0;
  }

  @Override
  public byte[] encode(SinkBatch batch) {
    BodyWriter out = BodyWriter.forBatch(batch);
    for (OutgoingRecord record : batch.records()) {
      out.raw(actionPrefix).string(record.id()).raw("}}\n");
      out.raw(record.data()).raw("\n");
    }
    return out.toByteArray();
  }

  @Override
  public boolean readsResponseBody() {
    return true;
  }

  /** Reads the per-item statuses when the answer says {@code "errors": true}. */
  @Override
  public SendResult delivered(SinkBatch batch, InputStream body) throws IOException {
    return BulkResponse.read(body, batch.size(), action == Action.CREATE);
  }

  @Override
  public String toString() {
    return name + "[index=" + index + ", action=" + action.key() + "]";
  }
}
