package dev.telemetryrouter.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.sink.OutgoingRecord;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import dev.telemetryrouter.spi.sink.SinkLimits;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OversizeTest {

  /** 200 bytes a record, 1 of them a newline delimiter. */
  private static final SinkLimits LIMITS = new SinkLimits(10, 2_000, 200, 1, 0);

  private static final String MARKER = "…[truncated]";

  private final FakeClock clock = new FakeClock();

  @Test
  void truncate_whenMessageIsTooLong_cutsItAtACharacterBoundaryAndAppendsTheMarker()
      throws CharacterCodingException {
    FakeSink sink = new FakeSink(LIMITS, RecordEncoding.MESSAGE);
    Router router = Plans.router(clock, Plans.sink("archive", sink));

    router.accept(Records.text(0, "é".repeat(150) + "😀".repeat(20)));
    router.accept(Records.text(1, "short"));
    router.flushAll(clock.instant().plusSeconds(1));

    OutgoingRecord cut = sink.delivered().getFirst();
    assertThat(cut.data().length + 1).isLessThanOrEqualTo(200).isGreaterThan(190);
    String text =
        StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(cut.data())).toString();
    assertThat(text).startsWith("éé").endsWith(MARKER);
    assertThat(cut.record().message()).isEqualTo(text);
    assertThat(sink.deliveredIds()).containsExactly("r0", "r1");
    assertThat(sink.batches()).hasSize(1);
  }

  @Test
  void truncate_withJsonEncoding_cutsMessageAndTextPayloadUntilTheLineFits() {
    FakeSink sink = new FakeSink(LIMITS, RecordEncoding.JSON);
    Router router = Plans.router(clock, Plans.sink("archive", sink));

    router.accept(Records.text(0, "x\n".repeat(300)));
    router.flushAll(clock.instant().plusSeconds(1));

    OutgoingRecord cut = sink.delivered().getFirst();
    assertThat(cut.data().length + 1).isLessThanOrEqualTo(200);
    String line = new String(cut.data(), StandardCharsets.UTF_8);
    assertThat(line).doesNotContain("\n").contains(MARKER);
    assertThat(cut.record().payload().toString()).endsWith(MARKER);
  }

  @Test
  void truncate_whenNothingCanBeCut_dropsTheRecordAsOversize() {
    FakeSink sink = new FakeSink(LIMITS, RecordEncoding.JSON);
    Router router = Plans.router(clock, Plans.sink("archive", sink));
    TelemetryRecord object =
        TelemetryRecord.builder(Instant.EPOCH, "platform.report", Map.of("blob", "y".repeat(500)))
            .id("big")
            .build();

    router.accept(object);
    router.accept(Records.text(1));
    router.flushAll(clock.instant().plusSeconds(1));

    assertThat(sink.deliveredIds()).containsExactly("r1");
    assertThat(router.accounts().sinks().get("archive").dropped())
        .containsExactly(Map.entry("oversize", 1L));
  }

  @Test
  void deadLetter_whenOneRecordIsTooLarge_setsItAsideAndTheRestOfTheBatchGoesThrough() {
    FakeSink sink = new FakeSink(LIMITS, RecordEncoding.MESSAGE);
    SinkPlan plan =
        Plans.withOversize(
            Plans.sink("archive", sink),
            new OversizePolicy(OversizePolicy.Action.DEAD_LETTER, MARKER));
    Router router = Plans.router(clock, plan);

    router.accept(Records.text(0));
    router.accept(Records.text(1, "z".repeat(200)));
    router.accept(Records.text(2));
    router.flushAll(clock.instant().plusSeconds(1));

    assertThat(sink.batches()).hasSize(1);
    assertThat(sink.deliveredIds()).containsExactly("r0", "r2");
    assertThat(router.accounts().sinks().get("archive").dropped())
        .containsExactly(Map.entry("oversize", 1L));
  }

  @Test
  void fit_whenRecordIsExactlyAtTheLimit_sendsItUnchanged() {
    FakeSink sink = new FakeSink(LIMITS, RecordEncoding.MESSAGE);
    Router router = Plans.router(clock, Plans.sink("archive", sink));

    router.accept(Records.text(0, "a".repeat(199)));
    router.accept(Records.text(1, "b".repeat(200)));
    router.flushAll(clock.instant().plusSeconds(1));

    assertThat(sink.delivered().get(0).data()).hasSize(199);
    assertThat(new String(sink.delivered().get(1).data(), StandardCharsets.UTF_8)).endsWith(MARKER);
  }
}
