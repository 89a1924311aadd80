package dev.telemetryrouter.core.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.spi.FunctionContext;
import dev.telemetryrouter.spi.TelemetryRecord;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordAssemblerTest {

  private static final String REQUEST = "6d68ca91-49c9-448d-89b8-7ca3e6dc66aa";
  private static final Instant RECEIVED = Instant.parse("2026-03-02T09:59:59Z");
  private static final FunctionContext FUNCTION =
      new FunctionContext("orders", "$LATEST", "eu-west-1", 128, "123456789012");

  private final RecordAssembler assembler =
      new RecordAssembler(FUNCTION, "ab12cd34ef56", InstantSource.fixed(RECEIVED));

  private List<TelemetryRecord> assembleAll(String fixture) {
    return Fixtures.events(fixture).stream().map(assembler::assemble).toList();
  }

  private static TelemetryRecord withPayload(List<TelemetryRecord> records, String payload) {
    return records.stream().filter(r -> r.payload().equals(payload)).findFirst().orElseThrow();
  }

  @Test
  void assemble_textLines_stripOneTrailingNewlineOnly() {
    List<TelemetryRecord> records = assembleAll("telemetry-2025-01-29-text.json");

    assertThat(records)
        .extracting(TelemetryRecord::payload)
        .contains("plain line one", "two trailing newlines\n")
        .doesNotContain("plain line one\n");
  }

  @Test
  void assemble_textLinesBetweenStartAndRuntimeDone_getThatRequestId() {
    List<TelemetryRecord> records = assembleAll("telemetry-2025-01-29-text.json");

    assertThat(withPayload(records, "plain line one").requestId()).isEqualTo(REQUEST);
    assertThat(withPayload(records, "\tat com.example.Handler.handle(Handler.java:12)").requestId())
        .isEqualTo(REQUEST);
    assertThat(withPayload(records, "line after runtimeDone").requestId()).isNull();
  }

  @Test
  void assemble_nodePrefixedLine_derivesLevelMessageAndRequestId() {
    List<TelemetryRecord> records = assembleAll("telemetry-2025-01-29-text.json");

    TelemetryRecord error = records.get(7);

    assertThat(error.level()).isEqualTo("ERROR");
    assertThat(error.message()).isEqualTo("Invoke Error");
    assertThat(error.requestId()).isEqualTo(REQUEST);
  }

  @Test
  void assemble_platformEvents_keepTheObjectAndTakeItsRequestId() {
    List<TelemetryRecord> records = assembleAll("telemetry-2025-01-29-text.json");

    TelemetryRecord report =
        records.stream().filter(r -> r.type().equals("platform.report")).findFirst().orElseThrow();

    assertThat(report.requestId()).isEqualTo(REQUEST);
    assertThat(report.payloadObject()).containsKeys("metrics", "spans", "status");
    assertThat(report.time()).isEqualTo(Instant.parse("2026-03-02T10:00:01.300Z"));
  }

  @Test
  void assemble_everyRecord_carriesFunctionContextAndAUniqueStableId() {
    List<TelemetryRecord> records = assembleAll("telemetry-2025-01-29-text.json");

    assertThat(records).allMatch(r -> r.function().equals(FUNCTION));
    assertThat(records)
        .extracting(TelemetryRecord::id)
        .doesNotHaveDuplicates()
        .allMatch(id -> id.startsWith("ab12cd34ef56-"));
  }

  @Test
  void assemble_jsonFormat_keepsObjectsAndDerivesFromThem() {
    List<TelemetryRecord> records = assembleAll("telemetry-2022-12-13-json.json");

    TelemetryRecord accepted = records.get(1);
    TelemetryRecord bare = records.get(2);

    assertThat(accepted.payloadObject()).containsEntry("message", "order accepted");
    assertThat(accepted.level()).isEqualTo("INFO");
    assertThat(accepted.message()).isEqualTo("order accepted");
    assertThat(bare.payloadObject()).containsOnlyKeys("orderId", "amount", "nested");
    assertThat(bare.level()).isNull();
    assertThat(bare.requestId()).isEqualTo("a3b2c1d0-1111-4222-8333-944455556666");
  }

  @Test
  void assemble_jsonLineDeliveredAsText_staysTextButDerivesFields() {
    List<TelemetryRecord> records = assembleAll("telemetry-2022-07-01-json-as-string.json");

    TelemetryRecord warn = records.get(1);
    TelemetryRecord python = records.get(2);

    assertThat(warn.payload()).isInstanceOf(String.class);
    assertThat(warn.level()).isEqualTo("WARN");
    assertThat(warn.message()).isEqualTo("slow downstream");
    assertThat(python.level()).isEqualTo("INFO");
    assertThat(python.message()).isEqualTo("python says hi");
  }

  @Test
  void assemble_logsApiFault_isTextWithItsRequestId() {
    List<TelemetryRecord> records = assembleAll("logs-2021-03-18.json");

    TelemetryRecord fault =
        records.stream().filter(r -> r.type().equals("platform.fault")).findFirst().orElseThrow();

    assertThat(fault.payload())
        .isEqualTo(
            "RequestId: 99aabbcc-0011-4223-8445-566778899aab Process exited before"
                + " completing request");
    assertThat(fault.requestId()).isEqualTo("99aabbcc-0011-4223-8445-566778899aab");
    assertThat(withPayload(records, "raw stdout line").requestId())
        .isEqualTo("d1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6");
  }

  @Test
  void assemble_oddShapes_neverFail() {
    DeliveryDecoder.Result result =
        new DeliveryDecoder().decode(Fixtures.bytes("malformed-elements.json"));

    List<TelemetryRecord> records = result.events().stream().map(assembler::assemble).toList();

    assertThat(records)
        .extracting(TelemetryRecord::payload)
        .containsExactly("no time at all", "malformed time", "[\"an\",\"array\"]", "");
    assertThat(records.get(0).time()).isEqualTo(RECEIVED);
    assertThat(records.get(1).time()).isEqualTo(RECEIVED);
  }

  @Test
  void assemble_withoutPlatformEvents_usesTheInvocationTheLifecycleSaw() {
    assembler.invocationStarted(REQUEST);

    TelemetryRecord line =
        assembler.assemble(new PlatformEvent("2026-03-02T10:00:00Z", "function", "hello\n"));

    assertThat(line.requestId()).isEqualTo(REQUEST);
    assertThat(line.fields()).containsEntry("message", "hello");
    assertThat(Map.copyOf(line.fields())).doesNotContainKey("level");
  }
}
