package dev.telemetryrouter.core.stage;

import static dev.telemetryrouter.core.stage.Stages.function;
import static dev.telemetryrouter.core.stage.Stages.kept;
import static dev.telemetryrouter.core.stage.Stages.problems;
import static dev.telemetryrouter.core.stage.Stages.stage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.stage.Stage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TruncateStageTest {

  private final TruncateStageProvider provider = new TruncateStageProvider();

  @Test
  void message_exactlyAtTheLimit_isKept() {
    Stage stage = stage(provider, "max_bytes: 10\nmarker: '~'");
    TelemetryRecord record = function("0123456789");

    assertThat(kept(stage.apply(record))).isSameAs(record);
  }

  @Test
  void message_oneByteOver_isCutWithTheMarkerWithinTheLimit() {
    Stage stage = stage(provider, "max_bytes: 10\nmarker: '[cut]'");

    String result = kept(stage.apply(function("0123456789A"))).message();

    assertThat(result).isEqualTo("01234[cut]");
  }

  @Test
  void multiByteCharacters_areNeverSplit() {
    Stage stage = stage(provider, "max_bytes: 8\nmarker: '~'");

    String result = kept(stage.apply(function("aé€😀bbbbbbbbbbb"))).message();

    // a(1) é(2) €(3) fit in 7 bytes; 😀 (4) would not, so the cut comes before it.
    assertThat(result).isEqualTo("aé€~");
    assertThat(result.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(8);
  }

  @Test
  void defaultMarker_andTextPayloadWithoutMessage_areUsed() {
    Stage stage = stage(provider, "max_bytes: 20");
    TelemetryRecord record =
        TelemetryRecord.builder(Instant.EPOCH, "extension", "x".repeat(30)).build();

    TelemetryRecord result = kept(stage.apply(record));

    assertThat(result.payload()).isEqualTo("x".repeat(6) + "…[truncated]");
  }

  @Test
  void create_mistakes_areReported() {
    assertThat(problems(provider, "marker: '[cut]'"))
        .containsExactly(
            "pipeline[0].max_bytes: (missing) — expected a size such as 8KiB, the most a message"
                + " may hold");
    assertThat(problems(provider, "max_bytes: 4\nmarker: '[cut]'"))
        .containsExactly(
            "pipeline[0].marker: '[cut]' — expected a marker shorter than max_bytes (4 bytes)");
  }
}
