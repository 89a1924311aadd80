package dev.telemetryrouter.core.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.spi.TelemetryRecord;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnLinesTest {

  private final RecordAssembler assembler =
      new RecordAssembler(
          dev.telemetryrouter.spi.FunctionContext.UNKNOWN, "x", InstantSource.fixed(Instant.EPOCH));
  private final OwnLines ownLines = new OwnLines();

  private boolean own(String type, Object record) {
    TelemetryRecord assembled =
        assembler.assemble(new PlatformEvent("2026-03-02T10:00:00Z", type, record));
    return ownLines.isOwn(assembled);
  }

  @Test
  void isOwn_loggerAndStdoutSinkPrefixes_areOwn() {
    assertThat(own("extension", "[telemetry-router] INFO registered\n")).isTrue();
    assertThat(own("extension", "[telemetry-router:stdout] {\"type\":\"function\"}\n")).isTrue();
  }

  @Test
  void isOwn_otherExtensionsAndFunctionLines_areNotOwn() {
    assertThat(own("extension", "[telemetry-routerx] lookalike\n")).isFalse();
    assertThat(own("extension", "datadog: flushed\n")).isFalse();
    assertThat(own("function", "[telemetry-router] printed by the function\n")).isFalse();
  }

  @Test
  void isOwn_stackTraceAfterAnOwnLine_isOwnUntilAnotherLineStarts() {
    List<Boolean> verdicts =
        List.of(
            own("extension", "[telemetry-router] ERROR send failed\n"),
            own("extension", "java.io.IOException: reset\n".replace("java", "\tjava")),
            own("extension", "Caused by: java.net.SocketException\n"),
            own("extension", "\tat java.base/sun.nio.ch.Net.connect(Net.java:1)\n"),
            own("extension", "other extension line\n"),
            own("extension", "\tindented line of another extension\n"));

    assertThat(verdicts).containsExactly(true, true, true, true, false, false);
  }

  @Test
  void isOwn_jsonFormatExtensionLine_usesItsMessage() {
    assertThat(
            own(
                "extension",
                java.util.Map.of("level", "INFO", "message", "[telemetry-router] INFO flushed")))
        .isTrue();
    assertThat(own("extension", java.util.Map.of("message", "someone else"))).isFalse();
  }
}
