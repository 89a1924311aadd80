package dev.telemetryrouter.locallambda.standins;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Just enough CBOR (RFC 8949) for the loopback Kinesis answer: maps, arrays, text, small ints. */
final class Cbor {

  private static final int UNSIGNED = 0;
  private static final int TEXT = 3;
  private static final int ARRAY = 4;
  private static final int MAP = 5;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  Cbor map(int entries) {
    return head(MAP, entries);
  }

  Cbor array(int items) {
    return head(ARRAY, items);
  }

  Cbor unsigned(int value) {
    return head(UNSIGNED, value);
  }

  Cbor text(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    head(TEXT, utf8.length);
    out.writeBytes(utf8);
    return this;
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  /** The initial byte: major type in the top 3 bits, then the length in 0, 1, 2 or 4 bytes. */
  private Cbor head(int major, int length) {
    int type = major << 5;
    if (length < 24) {
      out.write(type | length);
    } else if (length < 0x100) {
      out.write(type | 24);
      out.write(length);
    } else if (length < 0x10000) {
      out.write(type | 25);
      out.write(length >>> 8);
      out.write(length & 0xff);
    } else {
      out.write(type | 26);
      for (int shift = 24; shift >= 0; shift -= 8) {
        out.write((length >>> shift) & 0xff);
      }
    }
    return this;
  }
}
