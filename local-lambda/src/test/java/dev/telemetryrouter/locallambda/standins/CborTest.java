package dev.telemetryrouter.locallambda.standins;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Heads per RFC 8949 section 3: lengths under 24 inline, then 1, 2 or 4 following bytes. */
class CborTest {

  @Test
  void head_whenLengthUnder24_fitsInTheInitialByte() {
    assertThat(new Cbor().array(23).bytes()).containsExactly(0x97);
  }

  @Test
  void head_whenLengthNeedsOneTwoOrFourBytes_writesThemBigEndian() {
    assertThat(new Cbor().unsigned(24).bytes()).containsExactly(0x18, 24);
    assertThat(new Cbor().array(500).bytes()).containsExactly(0x99, 0x01, 0xf4);
    assertThat(new Cbor().map(70_000).bytes()).containsExactly(0xba, 0x00, 0x01, 0x11, 0x70);
  }

  @Test
  void text_countsUtf8BytesNotCharacters() {
    assertThat(new Cbor().text("é").bytes()).containsExactly(0x62, 0xc3, 0xa9);
  }
}
