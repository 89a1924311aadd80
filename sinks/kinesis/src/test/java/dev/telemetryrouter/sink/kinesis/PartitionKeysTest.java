package dev.telemetryrouter.sink.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telemetryrouter.spi.FieldPath;
import dev.telemetryrouter.spi.TelemetryRecord;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PartitionKeysTest {

  private final RandomPartitionKeys random = new RandomPartitionKeys(new SplittableRandom(7));

  @Test
  void random_sameRecordOnEveryAttempt_keepsItsKey() {
    TelemetryRecord record = TestRecords.record("rec-1", "hello");

    String first = random.keyFor(record);
    String retry = random.keyFor(TestRecords.record("rec-1", "hello"));

    assertThat(retry).isEqualTo(first).hasSize(RandomPartitionKeys.KEY_CHARS);
  }

  @Test
  void random_manyRecords_spreadOverManyKeys() {
    Set<String> keys = new HashSet<>();

    for (int i = 0; i < 10_000; i++) {
      keys.add(random.keyFor(TestRecords.record("rec-" + i, "m")));
    }

    assertThat(keys).hasSize(10_000);
  }

  @Test
  void random_twoSinks_drawDifferentKeysForOneRecord() {
    RandomPartitionKeys other = new RandomPartitionKeys(new SplittableRandom(8));
    TelemetryRecord record = TestRecords.record("rec-1", "hello");

    assertThat(other.keyFor(record)).isNotEqualTo(random.keyFor(record));
  }

  @Test
  void random_recordWithoutId_stillGetsVaryingKeys() {
    TelemetryRecord record = TestRecords.record("", "no id");

    assertThat(random.keyFor(record)).isNotEqualTo(random.keyFor(record));
  }

  @Test
  void template_functionNameRequestIdAndLiteral_rendersEachPart() {
    PartitionKeyTemplate template =
        PartitionKeyTemplate.parse("fn={function.name}/{requestId}/{record.tenant}", random);
    TelemetryRecord record =
        TestRecords.record("r", "m").toBuilder()
            .field(TelemetryRecord.REQUEST_ID, "8f2c-11")
            .payload(Map.of("tenant", "acme"))
            .build();

    assertThat(template.keyFor(record)).isEqualTo("fn=orders-api/8f2c-11/acme");
    assertThat(template.keyed()).isTrue();
  }

  @Test
  void template_missingField_rendersEmptyAndEmptyKeyFallsBackToRandom() {
    PartitionKeyTemplate partial = PartitionKeyTemplate.parse("req-{requestId}", random);
    PartitionKeyTemplate onlyField = PartitionKeyTemplate.parse("{requestId}", random);
    TelemetryRecord record = TestRecords.record("r9", "m");

    assertThat(partial.keyFor(record)).isEqualTo("req-");
    assertThat(onlyField.keyFor(record)).isEqualTo(random.keyFor(record));
  }

  @Test
  void template_longValue_isCutTo256CharactersAndBytes() {
    PartitionKeyTemplate template = PartitionKeyTemplate.parse("{tenant}", random);
    TelemetryRecord ascii =
        TestRecords.record("a", "m").with(FieldPath.parse("tenant"), "t".repeat(400));
    TelemetryRecord wide =
        TestRecords.record("b", "m").with(FieldPath.parse("tenant"), "é".repeat(200));

    assertThat(template.keyFor(ascii)).hasSize(256);
    assertThat(template.keyFor(wide).getBytes(StandardCharsets.UTF_8)).hasSize(256);
    assertThat(template.keyFor(wide)).hasSize(128);
  }

  @Test
  void cut_neverSplitsASurrogatePair() {
    String key = "x".repeat(253) + "🚀🚀";

    String cut = PartitionKeyTemplate.cut(key);

    assertThat(cut).isEqualTo("x".repeat(253));
  }

  @Test
  void parse_badTemplates_sayWhatIsWrong() {
    assertThatThrownBy(() -> PartitionKeyTemplate.parse("{requestId", random))
        .hasMessageContaining("never closed");
    assertThatThrownBy(() -> PartitionKeyTemplate.parse("a}b", random))
        .hasMessageContaining("closes nothing");
    assertThatThrownBy(() -> PartitionKeyTemplate.parse("{}", random))
        .hasMessageContaining("not a field path");
    assertThatThrownBy(() -> PartitionKeyTemplate.parse("", random)).hasMessageContaining("empty");
  }
}
