package dev.telemetryrouter.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A builder hands its fields to the record it builds and copies them only when used again: a record
 * must never see a later change to the builder, nor to another record built from it.
 */
class TelemetryRecordBuilderTest {

  private static final Instant TIME = Instant.parse("2026-01-02T03:04:05.678Z");

  @Test
  void build_thenFieldSet_leavesTheFirstRecordAsItWas() {
    TelemetryRecord.Builder builder =
        TelemetryRecord.builder(TIME, "function", "line").field("level", "INFO");
    TelemetryRecord first = builder.build();

    builder.field("level", "ERROR").field("added", "later");
    TelemetryRecord second = builder.build();

    assertThat(first.fields()).containsExactly(Map.entry("level", "INFO"));
    assertThat(second.fields())
        .containsExactly(Map.entry("level", "ERROR"), Map.entry("added", "later"));
  }

  @Test
  void build_thenFieldRemoved_leavesTheFirstRecordAsItWas() {
    TelemetryRecord.Builder builder =
        TelemetryRecord.builder(TIME, "function", "line")
            .field("requestId", "req-1")
            .field("level", "INFO");
    TelemetryRecord first = builder.build();

    TelemetryRecord second = builder.field("requestId", null).build();

    assertThat(first.fields())
        .containsExactly(Map.entry("requestId", "req-1"), Map.entry("level", "INFO"));
    assertThat(second.fields()).containsExactly(Map.entry("level", "INFO"));
  }

  @Test
  void build_twiceThenChangedTwice_keepsEveryRecordItsOwnFields() {
    TelemetryRecord.Builder builder =
        TelemetryRecord.builder(TIME, "function", "line").field("n", "1");
    TelemetryRecord one = builder.build();
    TelemetryRecord alsoOne = builder.build();

    TelemetryRecord two = builder.field("n", "2").build();
    TelemetryRecord three = builder.field("n", "3").build();

    assertThat(List.of(one, alsoOne, two, three))
        .extracting(record -> record.fields().get("n"))
        .containsExactly("1", "1", "2", "3");
  }

  @Test
  void toBuilder_chained_changesOnlyTheRecordBuiltLast() {
    TelemetryRecord first =
        TelemetryRecord.builder(TIME, "function", "line").field("a", "1").build();

    TelemetryRecord.Builder fromFirst = first.toBuilder();
    TelemetryRecord second = fromFirst.field("b", "2").build();
    TelemetryRecord third = second.toBuilder().field("a", null).field("c", "3").build();
    fromFirst.field("d", "4");

    assertThat(first.fields()).containsExactly(Map.entry("a", "1"));
    assertThat(second.fields()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    assertThat(third.fields()).containsExactly(Map.entry("b", "2"), Map.entry("c", "3"));
  }

  @Test
  void with_onARecordWhoseBuilderIsUsedAgain_changesNeitherOfThem() {
    TelemetryRecord.Builder builder =
        TelemetryRecord.builder(TIME, "function", "line").field("a", "1");
    TelemetryRecord built = builder.build();

    TelemetryRecord changed = built.with(FieldPath.parse("b"), "2");
    TelemetryRecord rebuilt = builder.field("c", "3").build();

    assertThat(built.fields()).containsExactly(Map.entry("a", "1"));
    assertThat(changed.fields()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    assertThat(rebuilt.fields()).containsExactly(Map.entry("a", "1"), Map.entry("c", "3"));
  }

  @Test
  void fields_ofABuiltRecord_cannotBeChanged() {
    TelemetryRecord record =
        TelemetryRecord.builder(TIME, "function", "line").field("a", "1").build();

    assertThatThrownBy(() -> record.fields().put("b", "2"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> record.fields().remove("a"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void build_thenCallerChangesTheMapItPassed_leavesTheRecordAsItWas() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("k", "before");
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("p", "before");
    TelemetryRecord record =
        TelemetryRecord.builder(TIME, "platform.report", payload).field("obj", value).build();

    value.put("k", "after");
    payload.put("p", "after");

    assertThat(record.fields().get("obj")).isEqualTo(Map.of("k", "before"));
    assertThat(record.payloadObject()).containsExactly(Map.entry("p", "before"));
  }
}
