package dev.telemetryrouter.core.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8TextTest {

  private static final String MIXED = "aé✓😀b";

  @Test
  void length_countsUtf8BytesWithoutEncoding() {
    int length = Utf8Text.length(MIXED);

    assertThat(length).isEqualTo(MIXED.getBytes(StandardCharsets.UTF_8).length).isEqualTo(11);
  }

  @Test
  void prefix_neverSplitsACharacter() {
    // MIXED starts a (1 byte), é (2), ✓ (3), 😀 (4): a prefix grows only by whole characters.
    String two = "aé";
    String three = "aé✓";
    String[] expected = {"", "a", "a", two, two, two, three, three, three, three, three + "😀"};

    for (int max = 0; max < expected.length; max++) {
      String prefix = Utf8Text.prefix(MIXED, max);

      assertThat(prefix).as("prefix of %d bytes", max).isEqualTo(expected[max]);
      assertThat(Utf8Text.length(prefix)).isLessThanOrEqualTo(max);
    }
  }

  @Test
  void prefix_whenTextFits_returnsItWhole() {
    String whole = Utf8Text.prefix(MIXED, 100);

    assertThat(whole).isEqualTo(MIXED);
  }
}
