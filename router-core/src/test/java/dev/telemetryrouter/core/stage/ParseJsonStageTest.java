package dev.telemetryrouter.core.stage;

import static dev.telemetryrouter.core.stage.Stages.function;
import static dev.telemetryrouter.core.stage.Stages.kept;
import static dev.telemetryrouter.core.stage.Stages.problems;
import static dev.telemetryrouter.core.stage.Stages.stage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.spi.FieldPath;
import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.stage.Stage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParseJsonStageTest {

  private final ParseJsonStageProvider provider = new ParseJsonStageProvider();

  @Test
  void parse_jsonMessage_mergesMembersIntoFieldsWithDecimalNumbers() {
    Stage stage = stage(provider, "{}");
    TelemetryRecord record =
        function(
            " {\"level\":\"WARN\",\"message\":\"slow\",\"ms\":12.50,\"n\":3,\"ok\":true,"
                + "\"tags\":[\"a\",1],\"user\":{\"id\":\"u1\"},\"gone\":null} ");

    TelemetryRecord result = kept(stage.apply(record));

    assertThat(result.fields())
        .containsEntry("level", "WARN")
        .containsEntry("message", "slow")
        .containsEntry("ms", new BigDecimal("12.50"))
        .containsEntry("n", new BigDecimal("3"))
        .containsEntry("ok", true)
        .containsEntry("tags", List.of("a", new BigDecimal("1")))
        .containsEntry("user", Map.of("id", "u1"))
        .doesNotContainKey("gone");
  }

  @Test
  void parse_withTargetAndNoOverwrite_putsTheObjectUnderTheTarget() {
    Stage underTarget = stage(provider, "target: json");
    Stage keepExisting = stage(provider, "overwrite: false");
    TelemetryRecord record = function("{\"message\":\"inner\",\"a\":1}");

    TelemetryRecord nested = kept(underTarget.apply(record));
    TelemetryRecord merged = kept(keepExisting.apply(record));

    assertThat(nested.get(FieldPath.parse("json.a"))).isEqualTo(new BigDecimal("1"));
    assertThat(nested.message()).isEqualTo("{\"message\":\"inner\",\"a\":1}");
    assertThat(merged.message()).isEqualTo("{\"message\":\"inner\",\"a\":1}");
    assertThat(merged.fields()).containsEntry("a", new BigDecimal("1"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"plain text", "[1,2]", "{\"a\":", "{\"a\":1} trailing}", "{\"a\":1}{}", "42"})
  void parse_notAJsonObject_passesTheRecordUnchanged(String message) {
    Stage stage = stage(provider, "{}");
    TelemetryRecord record = function(message);

    assertThat(kept(stage.apply(record))).isSameAs(record);
  }

  @Test
  void parse_deeplyNestedJson_passesUnchanged() {
    Stage stage = stage(provider, "{}");
    TelemetryRecord record = function("{\"a\":" + "[".repeat(200) + "]".repeat(200) + "}");

    assertThat(kept(stage.apply(record))).isSameAs(record);
  }

  @Test
  void parse_sourceField_readsAnotherFieldAndSkipsRecordsWithoutIt() {
    Stage stage = stage(provider, "source: raw");
    TelemetryRecord with = function("x").toBuilder().field("raw", "{\"k\":\"v\"}").build();
    TelemetryRecord without = function("{\"k\":\"v\"}");

    assertThat(kept(stage.apply(with)).fields()).containsEntry("k", "v");
    assertThat(kept(stage.apply(without))).isSameAs(without);
  }

  @Test
  void create_readOnlyTarget_isAProblem() {
    assertThat(problems(provider, "target: type"))
        .containsExactly(
            "pipeline[0].target: 'type' — expected a field path outside time, type, id and"
                + " function, which are fixed");
  }

  @Test
  void parse_withoutSource_readsTheRawLineNotTheMessageTheIntakeDerived() {
    Stage stage = stage(provider, "{}");
    String line = "{\"level\":\"ERROR\",\"message\":\"timed out\",\"provider\":\"acme-pay\"}";
    TelemetryRecord record =
        TelemetryRecord.builder(Instant.EPOCH, "function", line)
            .field(TelemetryRecord.LEVEL, "ERROR")
            .field(TelemetryRecord.MESSAGE, "timed out")
            .build();

    TelemetryRecord result = kept(stage.apply(record));

    assertThat(result.fields())
        .containsEntry("provider", "acme-pay")
        .containsEntry("message", "timed out")
        .containsEntry("level", "ERROR");
  }

  @Test
  void parse_withoutSource_mergesAJsonPayloadObjectRespectingOverwrite() {
    Stage overwriting = stage(provider, "{}");
    Stage keeping = stage(provider, "overwrite: false");
    TelemetryRecord record =
        TelemetryRecord.builder(
                Instant.EPOCH,
                "function",
                Map.of("level", "info", "message", "accepted", "orderId", "o-1042"))
            .field(TelemetryRecord.LEVEL, "INFO")
            .field(TelemetryRecord.MESSAGE, "accepted")
            .build();

    TelemetryRecord overwritten = kept(overwriting.apply(record));
    TelemetryRecord kept = kept(keeping.apply(record));

    assertThat(overwritten.fields())
        .containsEntry("orderId", "o-1042")
        .containsEntry("level", "info");
    assertThat(kept.fields()).containsEntry("orderId", "o-1042").containsEntry("level", "INFO");
  }

  @Test
  void parse_withoutSource_prefixedTextLine_fallsBackToTheMessage() {
    Stage stage = stage(provider, "{}");
    TelemetryRecord record =
        TelemetryRecord.builder(
                Instant.EPOCH,
                "function",
                "2026-03-02T10:00:00.100Z\t6d68ca91-49c9-448d-89b8-7ca3e6dc66aa\tINFO"
                    + "\t{\"ms\":812}")
            .field(TelemetryRecord.MESSAGE, "{\"ms\":812}")
            .build();

    assertThat(kept(stage.apply(record)).fields()).containsEntry("ms", new BigDecimal("812"));
  }

  @Test
  void parse_withoutSource_leavesPlatformEventsAloneUnlessSourceNamesThem() {
    Stage byDefault = stage(provider, "{}");
    Stage fromRecord = stage(provider, "source: record");
    TelemetryRecord report =
        TelemetryRecord.builder(Instant.EPOCH, "platform.report", Map.of("status", "success"))
            .build();

    assertThat(kept(byDefault.apply(report))).isSameAs(report);
    assertThat(kept(fromRecord.apply(report)).fields()).containsEntry("status", "success");
  }
}
