package dev.telemetryrouter.core.encode;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.telemetryrouter.spi.FunctionContext;
import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Encodes a {@link TelemetryRecord} to UTF-8 bytes. Thread-safe: {@link #json} writes through a
 * buffer each thread keeps for itself between records.
 *
 * <p>The JSON form is one line: {@code time}, {@code type}, {@code id}, the fields in their order,
 * {@code function} and {@code record} (the payload as a string or an object, never a string of
 * JSON). The generator escapes control characters, so a newline inside a message never becomes a
 * raw newline that would split a JSON-lines stream.
 */
public final class RecordEncoder {

  /** Names of the record's own parts; a field with one of these names is not written twice. */
  private static final Set<String> OWN_PARTS = Set.of("time", "type", "id", "function", "record");

  /**
   * Characters outside the Basic Multilingual Plane (emoji) are written as their four UTF-8 bytes,
   * not as two escaped surrogates of six bytes each: records stay smaller and read as they were.
   */
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

  private RecordEncoder() {}

  /** The bytes of {@code record} in {@code encoding}. */
  public static byte[] encode(TelemetryRecord record, RecordEncoding encoding) {
    return switch (encoding) {
      case JSON -> json(record);
      case MESSAGE -> message(record);
    };
  }

  /** The record as one line of compact JSON. */
  public static byte[] json(TelemetryRecord record) {
    try {
      Scratch scratch = Scratch.take();
      writeRecord(scratch.json, record);
      scratch.json.flush();
      byte[] bytes = scratch.toByteArray();
      scratch.giveBack();
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("encoding a record to memory failed", e);
    }
  }

  /** The message field, else a text payload, else the payload object as compact JSON. */
  public static byte[] message(TelemetryRecord record) {
    String message = record.message();
    if (message != null) {
      return message.getBytes(StandardCharsets.UTF_8);
    }
    if (record.payload() instanceof String text) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    return value(record.payload());
  }

  /** Any JSON-shaped value as compact JSON. */
  public static byte[] value(@Nullable Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      JsonValues.write(json, value);
    } catch (IOException e) {
      throw new UncheckedIOException("encoding a value to memory failed", e);
    }
    return out.toByteArray();
  }

  /** Writes {@code record} as a JSON object into an open generator, such as a dead-letter line. */
  public static void writeRecord(JsonGenerator json, TelemetryRecord record) throws IOException {
    json.writeStartObject();
    json.writeStringField("time", IsoInstants.format(record.time()));
    json.writeStringField("type", record.type());
    json.writeStringField("id", record.id());

    for (Map.Entry<String, @Nullable Object> field : record.fields().entrySet()) {
      if (!OWN_PARTS.contains(field.getKey())) {
        json.writeFieldName(field.getKey());
        JsonValues.write(json, field.getValue());
      }
    }

    json.writeFieldName("function");
    writeFunction(json, record.function());
    json.writeFieldName("record");
    JsonValues.write(json, record.payload());
    json.writeEndObject();
  }

  /** A generator writing UTF-8 to {@code out}, for callers that frame records themselves. */
  public static JsonGenerator generator(ByteArrayOutputStream out) throws IOException {
    return FACTORY.createGenerator(out, JsonEncoding.UTF8);
  }

  /**
   * One thread's output buffer and generator, reused from record to record: a generator and a
   * growing buffer per record were a fifth of everything the record path allocated, and the more
   * the intake allocates, the more often the young generation fills while a batch is still
   * buffered, which promotes the batch's records to the old generation and grows the heap.
   *
   * <p>Taken out of its thread-local slot while in use, so a failure halfway through a record (a
   * stack overflow on a deeply nested payload) leaves no half-written generator behind: the scratch
   * is simply not given back.
   */
  private static final class Scratch extends ByteArrayOutputStream {

    private static final ThreadLocal<@Nullable Scratch> SLOT = new ThreadLocal<>();

    /** A buffer grown past this by one large record is let go, not kept for the thread's life. */
    private static final int KEEP_AT_MOST = 64 * 1024;

    private final JsonGenerator json;

    private Scratch() throws IOException {
      super(1024);
      this.json = FACTORY.createGenerator(this, JsonEncoding.UTF8);
      // Records are separate root values; no separator may come between them.
      json.setRootValueSeparator(null);
    }

    static Scratch take() throws IOException {
      Scratch scratch = SLOT.get();
      if (scratch == null) {
        return new Scratch();
      }
      SLOT.set(null);
      return scratch;
    }

    void giveBack() {
      if (buf.length <= KEEP_AT_MOST) {
        reset();
        SLOT.set(this);
      }
    }
  }

  private static void writeFunction(JsonGenerator json, FunctionContext function)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("name", function.name());
    json.writeStringField("version", function.version());
    json.writeStringField("region", function.region());
    json.writeNumberField("memoryMb", function.memoryMb());
    if (function.accountId() != null) {
      json.writeStringField("accountId", function.accountId());
    }
    json.writeEndObject();
  }
}
