package dev.telemetryrouter.core.stage;

import static dev.telemetryrouter.core.stage.Stages.function;
import static dev.telemetryrouter.core.stage.Stages.kept;
import static dev.telemetryrouter.core.stage.Stages.problems;
import static dev.telemetryrouter.core.stage.Stages.stage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.spi.FieldPath;
import dev.telemetryrouter.spi.FunctionContext;
import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.stage.Stage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldsStageTest {

  private final FieldsStageProvider provider = new FieldsStageProvider();

  @Test
  void add_constantsAndTemplates_renderFromTheRecord() {
    Stage stage =
        stage(
            provider,
            """
            add:
              env: prod
              weight: 3
              trace: "{{requestId}}/{{function.name}}/{{absent}}"
              copy: "{{record.ms}}"
              ctx.nested: true
            """);
    TelemetryRecord record =
        TelemetryRecord.builder(Instant.EPOCH, "function", Map.of("ms", new BigDecimal("7")))
            .function(new FunctionContext("orders", "$LATEST", "eu-west-1", 128, null))
            .field("requestId", "r-1")
            .build();

    TelemetryRecord result = kept(stage.apply(record));

    assertThat(result.fields())
        .containsEntry("env", "prod")
        .containsEntry("weight", new BigDecimal("3"))
        .containsEntry("trace", "r-1/orders/")
        .containsEntry("copy", new BigDecimal("7"))
        .containsEntry("ctx", Map.of("nested", true));
  }

  @Test
  void renameThenAddThenRemove_applyInThatOrder() {
    Stage stage =
        stage(
            provider,
            """
            rename: {requestId: request_id, record.user: user}
            add: {rid: "{{request_id}}"}
            remove: [level, record.secret]
            """);
    TelemetryRecord record =
        TelemetryRecord.builder(
                Instant.EPOCH, "function", Map.of("user", "ann", "secret", "s", "keep", "k"))
            .field("requestId", "r-2")
            .field("level", "INFO")
            .build();

    TelemetryRecord result = kept(stage.apply(record));

    assertThat(result.fields())
        .containsEntry("request_id", "r-2")
        .containsEntry("rid", "r-2")
        .containsEntry("user", "ann")
        .doesNotContainKeys("requestId", "level");
    assertThat(result.payloadObject()).isEqualTo(Map.of("keep", "k"));
  }

  @Test
  void add_withoutOverwrite_keepsExistingValues() {
    Stage stage = stage(provider, "add: {message: replaced, extra: x}\noverwrite: false");

    TelemetryRecord result = kept(stage.apply(function("original")));

    assertThat(result.message()).isEqualTo("original");
    assertThat(result.fields()).containsEntry("extra", "x");
  }

  @Test
  void add_underTheRecordOfATextPayload_leavesTheRecordUnchanged() {
    Stage stage = stage(provider, "add: {record.x: 1}");
    TelemetryRecord record = function("text payload");

    assertThat(kept(stage.apply(record)).get(FieldPath.parse("record"))).isEqualTo("text payload");
  }

  @Test
  void create_mistakes_areReported() {
    assertThat(problems(provider, "add: {type: x, 'bad path': y}\nrename: {level: id}"))
        .containsExactly(
            "pipeline[0].rename.level: 'id' — expected a field path outside time, type, id and"
                + " function, which are fixed",
            "pipeline[0].add.type: 'type' — expected a field path outside time, type, id and"
                + " function, which are fixed",
            "pipeline[0].add.bad path: 'bad path' — expected a field path such as message, level"
                + " or record.status");
    assertThat(problems(provider, "{}"))
        .containsExactly(
            "pipeline[0].type: 'fields' — expected at least one of add, rename, remove");
  }

  @Test
  void create_removingTheRecordsOwnParts_isAProblemNamingWhatCanBeRemoved() {
    String removable =
        " — expected a field, or a member of a JSON payload such as record.password; time, type,"
            + " id, function and record itself are the record's own parts and stay";

    List<String> lines =
        problems(provider, "remove: [record, time, record.password, function.name]");

    assertThat(lines)
        .containsExactly(
            "pipeline[0].remove[0]: 'record'" + removable,
            "pipeline[0].remove[1]: 'time'" + removable,
            "pipeline[0].remove[3]: 'function.name'" + removable);
    assertThat(problems(provider, "rename: {record: raw}"))
        .containsExactly("pipeline[0].rename.record: 'record'" + removable);
  }
}
