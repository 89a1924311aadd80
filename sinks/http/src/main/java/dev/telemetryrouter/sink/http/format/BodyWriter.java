package dev.telemetryrouter.sink.http.format;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.telemetryrouter.spi.sink.SinkBatch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds a request body as UTF-8 bytes: literal JSON punctuation, record bytes the engine already
 * encoded, and strings quoted and escaped per RFC 8259 section 7.
 */
final class BodyWriter {

  private final ByteArrayOutputStream out;

  BodyWriter(int expectedBytes) {
    this.out = new ByteArrayOutputStream(Math.max(64, expectedBytes));
  }

  /** A writer sized for {@code batch}: the engine's count of its bytes, overheads included. */
  static BodyWriter forBatch(SinkBatch batch) {
    return new BodyWriter((int) Math.min(Integer.MAX_VALUE - 8, batch.bytes()));
  }

  /** Appends text that is already valid JSON (punctuation, a number, a key written by us). */
  BodyWriter raw(String json) {
    out.writeBytes(json.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** Appends bytes that are already valid JSON, such as a record the engine encoded. */
  BodyWriter raw(byte[] json) {
    out.writeBytes(json);
    return this;
  }

  /** Appends {@code text} as a quoted JSON string. */
  BodyWriter string(String text) {
    out.write('"');
    out.writeBytes(quote(text));
    out.write('"');
    return this;
  }

  /** Appends {@code "key":} with the key quoted and escaped. */
  BodyWriter key(String key) {
    string(key);
    out.write(':');
    return this;
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }

  /** The escaped UTF-8 form of {@code text}, without the surrounding quotes. */
  static byte[] quote(String text) {
    return JsonStringEncoder.getInstance().quoteAsUTF8(text);
  }

  /** The size {@code text} takes as a quoted JSON string. */
  static int quotedLength(String text) {
    return quote(text).length + 2;
  }
}
