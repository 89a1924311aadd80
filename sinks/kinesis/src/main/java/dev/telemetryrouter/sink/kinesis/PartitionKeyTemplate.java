package dev.telemetryrouter.sink.kinesis;

import dev.telemetryrouter.spi.FieldPath;
import dev.telemetryrouter.spi.TelemetryRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * A partition key assembled from literals and record fields, such as {@code
 * {function.name}/{requestId}}, for users who want the records of one key together on one shard.
 *
 * <p>A field missing from a record renders as nothing. A key that renders empty falls back to the
 * random key, so it never fails the request and never piles every such record onto one shard. A key
 * longer than the API allows is cut at a character boundary.
 */
final class PartitionKeyTemplate implements PartitionKeys {

  /** PutRecords: a partition key holds 1 to 256 Unicode characters. */
  static final int MAX_KEY_CHARS = 256;

  /**
   * The key also counts against the 1 MiB record and 5 MiB request limits in bytes; capping the
   * UTF-8 size at 256 bytes keeps within 256 characters and gives the sink a fixed overhead.
   */
  static final int MAX_KEY_BYTES = 256;

  private final String text;
  private final List<Part> parts;
  private final RandomPartitionKeys fallback;

  private PartitionKeyTemplate(String text, List<Part> parts, RandomPartitionKeys fallback) {
    this.text = text;
    this.parts = parts;
    this.fallback = fallback;
  }

  /**
   * Parses a template of literals and {@code {field.path}} placeholders.
   *
   * @throws IllegalArgumentException with a message fit for a configuration error
   */
  static PartitionKeyTemplate parse(String text, RandomPartitionKeys fallback) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("the template is empty");
    }
    List<Part> parts = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      int open = text.indexOf('{', at);
      int close = text.indexOf('}', at);
      if (open < 0 && close < 0) {
        parts.add(new Literal(text.substring(at)));
        break;
      }
      if (close >= 0 && (open < 0 || close < open)) {
        throw new IllegalArgumentException("a '}' at offset " + close + " closes nothing");
      }
      int end = text.indexOf('}', open);
      if (end < 0) {
        throw new IllegalArgumentException("the '{' at offset " + open + " is never closed");
      }
      if (open > at) {
        parts.add(new Literal(text.substring(at, open)));
      }
      parts.add(new Field(FieldPath.parse(text.substring(open + 1, end))));
      at = end + 1;
    }
    return new PartitionKeyTemplate(text, List.copyOf(parts), fallback);
  }

  @Override
  public String keyFor(TelemetryRecord record) {
    StringBuilder key = new StringBuilder();
    for (Part part : parts) {
      switch (part) {
        case Literal literal -> key.append(literal.text());
        case Field field -> {
          String value = record.getText(field.path());
          key.append(value == null ? "" : value);
        }
      }
    }
    String cut = cut(key.toString());
    return cut.isEmpty() ? fallback.keyFor(record) : cut;
  }

  @Override
  public int maxKeyBytes() {
    return MAX_KEY_BYTES;
  }

  @Override
  public boolean keyed() {
    return true;
  }

  @Override
  public String toString() {
    return text;
  }

  /** The longest prefix within both key limits that does not split a surrogate pair. */
  static String cut(String key) {
    int chars = 0;
    int bytes = 0;
    int end = 0;
    while (end < key.length()) {
      int codePoint = key.codePointAt(end);
      int units = Character.charCount(codePoint);
      int size = utf8Bytes(codePoint);
      if (chars + units > MAX_KEY_CHARS || bytes + size > MAX_KEY_BYTES) {
        break;
      }
      chars += units;
      bytes += size;
      end += units;
    }
    return key.substring(0, end);
  }

  /** UTF-8 size of a code point; a lone surrogate counts as the three bytes of a replacement. */
  private static int utf8Bytes(int codePoint) {
    if (codePoint < 0x80) {
      return 1;
    }
    if (codePoint < 0x800) {
      return 2;
    }
    return codePoint < 0x10000 ? 3 : 4;
  }

  private sealed interface Part permits Literal, Field {}

  private record Literal(String text) implements Part {}

  private record Field(FieldPath path) implements Part {}
}
