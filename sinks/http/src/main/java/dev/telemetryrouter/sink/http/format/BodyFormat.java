package dev.telemetryrouter.sink.http.format;

import dev.telemetryrouter.spi.config.Secret;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.SinkBatch;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * How one intake wants a batch framed in a request body, and what its successful answer means.
 *
 * <p>The overheads feed {@link dev.telemetryrouter.spi.sink.SinkLimits}: what the format adds
 * around each record and once per request. Where a format quotes the record as a JSON string (Loki
 * lines, Splunk text events) escaping can grow it beyond that estimate; the sink measures the real
 * body and asks the engine to split a batch that came out too large.
 *
 * <p>Instances are immutable and thread-safe.
 */
public interface BodyFormat {

  /**
   * Room kept for one record id in the overhead estimates. Engine ids are far shorter; a longer one
   * only makes the measured body larger, which the sink's size check catches.
   */
  int RECORD_ID_ALLOWANCE = 64;

  /** The name used in YAML ({@code format: loki}). */
  String name();

  /** The bytes the engine must hand over for each record. */
  RecordEncoding encoding();

  /** The {@code Content-Type} of the body. */
  String contentType();

  /** Bytes added around each record, at most; see the class note. */
  int recordOverheadBytes();

  /** Bytes added once per request, at most. */
  int batchOverheadBytes();

  /** The request body for {@code batch}, records in batch order. */
  byte[] encode(SinkBatch batch);

  /** Headers the intake needs beside the configured ones, such as Splunk's token. */
  default Map<String, Secret> headers() {
    return Map.of();
  }

  /** Whether {@link #delivered} reads the response body. */
  default boolean readsResponseBody() {
    return false;
  }

  /**
   * The outcome of each record once the intake answered 2xx; most intakes accept the whole request
   * or nothing.
   *
   * @param body the response body, read only when {@link #readsResponseBody()}
   */
  default SendResult delivered(SinkBatch batch, InputStream body) throws IOException {
    return SendResult.allDelivered(batch.size());
  }
}
