package dev.telemetryrouter.core.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeliveryDecoderTest {

  private final DeliveryDecoder decoder = new DeliveryDecoder();

  @ParameterizedTest
  @CsvSource({
    "telemetry-2025-01-29-text.json, 21",
    "telemetry-2022-12-13-json.json, 6",
    "telemetry-2022-07-01-json-as-string.json, 4",
    "logs-2021-03-18.json, 11"
  })
  void decode_everyFixture_keepsEveryEventInOrder(String fixture, int expected) {
    DeliveryDecoder.Result result = decoder.decode(Fixtures.bytes(fixture));

    assertThat(result.malformed()).isFalse();
    assertThat(result.skippedElements()).isZero();
    assertThat(result.events()).hasSize(expected);
  }

  @Test
  void decode_reportMetrics_readsNumbersAsDecimals() {
    List<PlatformEvent> events = Fixtures.events("telemetry-2025-01-29-text.json");

    PlatformEvent report =
        events.stream().filter(e -> e.type().equals("platform.report")).findFirst().orElseThrow();
    Map<?, ?> metrics = (Map<?, ?>) ((Map<?, ?>) report.record()).get("metrics");

    assertThat(metrics.get("billedDurationMs")).isEqualTo(new BigDecimal("202.0"));
    assertThat(metrics.get("durationMs")).isEqualTo(new BigDecimal("201.2"));
  }

  @Test
  void decode_unknownTypeAndFields_passThrough() {
    List<PlatformEvent> events = Fixtures.events("telemetry-2025-01-29-text.json");

    PlatformEvent novel = events.getLast();

    assertThat(novel.type()).isEqualTo("platform.somethingNew");
    assertThat(((Map<?, ?>) novel.record()).get("novel"))
        .isEqualTo(
            Map.of(
                "depth",
                java.util.Arrays.asList(BigDecimal.ONE, new BigDecimal("2.5"), true, null)));
  }

  @Test
  void decode_jsonFormat_keepsRecordsAsObjects() {
    List<PlatformEvent> events = Fixtures.events("telemetry-2022-12-13-json.json");

    assertThat(events.get(1).record()).isInstanceOf(Map.class);
    assertThat(((Map<?, ?>) events.get(2).record()).get("orderId")).isEqualTo(new BigDecimal("43"));
  }

  @Test
  void decode_truncatedBody_isMalformedButKeepsEventsBeforeTheDamage() {
    DeliveryDecoder.Result result = decoder.decode(Fixtures.bytes("malformed-truncated.json"));

    assertThat(result.malformed()).isTrue();
    assertThat(result.events())
        .extracting(PlatformEvent::record)
        .containsExactly("kept before the damage\n");
  }

  @Test
  void decode_objectInsteadOfArray_isMalformed() {
    DeliveryDecoder.Result result = decoder.decode(Fixtures.bytes("malformed-not-array.json"));

    assertThat(result.malformed()).isTrue();
    assertThat(result.events()).isEmpty();
  }

  @Test
  void decode_elementsWithoutTextType_areSkippedAndCounted() {
    DeliveryDecoder.Result result = decoder.decode(Fixtures.bytes("malformed-elements.json"));

    assertThat(result.malformed()).isFalse();
    assertThat(result.skippedElements()).isEqualTo(4);
    assertThat(result.events()).hasSize(4).allMatch(e -> e.type().equals("function"));
  }

  @Test
  void decode_emptyOrGarbage_isMalformedWithoutThrowing() {
    assertThat(decoder.decode(new byte[0]).malformed()).isTrue();
    assertThat(decoder.decode("[{]".getBytes(java.nio.charset.StandardCharsets.UTF_8)).malformed())
        .isTrue();
    assertThat(
            decoder
                .decode("[".repeat(5000).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .malformed())
        .isTrue();
  }

  @Test
  void decodeEachAsRead_truncatedBody_handsOnAndCountsTheEventsBeforeTheDamage() {
    List<PlatformEvent> handed = new ArrayList<>();

    DeliveryDecoder.Counts counts =
        decoder.decode(Fixtures.bytes("malformed-tail-after-runtime-done.json"), handed::add);

    assertThat(counts.malformed()).isTrue();
    assertThat(counts.events()).isEqualTo(4).isEqualTo(handed.size());
    assertThat(handed)
        .extracting(PlatformEvent::type)
        .containsExactly("platform.start", "function", "platform.runtimeDone", "function");
  }

  @Test
  void decodeEachAsRead_elementsWithoutTextType_areSkippedNotHandedOn() {
    List<PlatformEvent> handed = new ArrayList<>();

    DeliveryDecoder.Counts counts =
        decoder.decode(Fixtures.bytes("malformed-elements.json"), handed::add);

    assertThat(counts.malformed()).isFalse();
    assertThat(counts.skippedElements()).isEqualTo(4);
    assertThat(counts.events()).isEqualTo(4).isEqualTo(handed.size());
  }
}
