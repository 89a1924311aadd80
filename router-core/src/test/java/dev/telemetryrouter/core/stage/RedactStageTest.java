package dev.telemetryrouter.core.stage;

import static dev.telemetryrouter.core.stage.Stages.function;
import static dev.telemetryrouter.core.stage.Stages.kept;
import static dev.telemetryrouter.core.stage.Stages.problems;
import static dev.telemetryrouter.core.stage.Stages.stage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.core.encode.RecordEncoder;
import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.stage.Stage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactStageTest {

  private final RedactStageProvider provider = new RedactStageProvider();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "email | mail ann.lee+x@mail.example.org now | mail [REDACTED:email] now",
        "credit_card | card 4111 1111 1111 1111 ok | card [REDACTED:credit_card] ok",
        "credit_card | card 4111-1111-1111-1111 | card [REDACTED:credit_card]",
        "credit_card | order 4111111111111112 | order 4111111111111112",
        "aws_access_key_id | key AKIAIOSFODNN7EXAMPLE used | key [REDACTED:aws_access_key_id] used",
        "aws_access_key_id | id AKIAIOSFODNN7EXAMPLEX | id AKIAIOSFODNN7EXAMPLEX",
        "aws_secret_key | aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY end"
            + " | aws_secret_access_key=[REDACTED:aws_secret_key] end",
        "jwt | t=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln; | t=[REDACTED:jwt];",
        "bearer_token | Authorization: Bearer abc.DEF-123_xyz | Authorization: Bearer"
            + " [REDACTED:bearer_token]",
        "ipv4 | from 10.0.12.255 to 1.2.3.4.5 and 256.1.1.1 | from [REDACTED:ipv4] to 1.2.3.4.5"
            + " and 256.1.1.1"
      })
  void detector_masksWhatItDetectsAndNothingElse(String detector, String input, String output) {
    Stage stage = stage(provider, "detectors: [" + detector + "]");

    TelemetryRecord result = kept(stage.apply(function(input)));

    assertThat(result.message()).isEqualTo(output);
  }

  @Test
  void all_appliesEveryDetectorToChosenFieldsAndNestedPayload() {
    Stage stage = stage(provider, "detectors: all\nfields: [message, record]\nmask: '***'");
    TelemetryRecord record =
        TelemetryRecord.builder(
                Instant.EPOCH,
                "function",
                Map.of("user", Map.of("mail", "a@b.io"), "ips", List.of("8.8.8.8", "x")))
            .field("message", "login a@b.io")
            .build();

    TelemetryRecord result = kept(stage.apply(record));

    assertThat(result.message()).isEqualTo("login ***");
    assertThat(result.payloadObject())
        .isEqualTo(Map.of("user", Map.of("mail", "***"), "ips", List.of("***", "x")));
  }

  @Test
  void customPattern_isAppliedByItsName() {
    Stage stage = stage(provider, "patterns: [{name: ssn, regex: '\\d{3}-\\d{2}-\\d{4}'}]");

    TelemetryRecord result = kept(stage.apply(function("ssn 123-45-6789.")));

    assertThat(result.message()).isEqualTo("ssn [REDACTED:ssn].");
  }

  @Test
  void hashMode_replacesByAStableKeyedHash() {
    Stage stage = stage(provider, "detectors: [email]\nmode: hash\nhash_key: 0123456789abcdef");
    Stage otherKey = stage(provider, "detectors: [email]\nmode: hash\nhash_key: fedcba9876543210");

    String first = kept(stage.apply(function("a@b.io and a@b.io and c@d.io"))).message();
    String other = kept(otherKey.apply(function("a@b.io"))).message();

    String[] parts = first.split(" and ");
    assertThat(first).matches("\\[email:[0-9a-f]{16}] and \\[email:[0-9a-f]{16}] and .*");
    assertThat(parts[0]).isEqualTo(parts[1]).isNotEqualTo(parts[2]).isNotEqualTo(other);
  }

  @Test
  void recordWithoutMatches_isReturnedAsItIs() {
    Stage stage = stage(provider, "detectors: all");
    TelemetryRecord record = function("nothing to hide");

    assertThat(kept(stage.apply(record))).isSameAs(record);
  }

  @Test
  void create_mistakes_areReportedAndTheKeyMasked() {
    assertThat(problems(provider, "detectors: [email, phone]\nmode: hash\nhash_key: short-key"))
        .containsExactly(
            "pipeline[0].detectors: 'phone' — expected all or detector names: jwt, bearer_token,"
                + " aws_access_key_id, aws_secret_key, email, credit_card, ipv4",
            "pipeline[0].hash_key: ****(9 chars) — expected a secret of at least 16 characters"
                + " for mode hash, such as ${REDACT_KEY}");
    assertThat(problems(provider, "fields: [message]"))
        .containsExactly(
            "pipeline[0].detectors: (missing) — expected at least one detector or pattern");
  }

  @Test
  void luhn_acceptsValidAndRejectsAlteredNumbers() {
    assertThat(Detector.passesLuhn("4111 1111 1111 1111")).isTrue();
    assertThat(Detector.passesLuhn("5500-0000-0000-0004")).isTrue();
    assertThat(Detector.passesLuhn("4111 1111 1111 1112")).isFalse();
  }

  @Test
  void defaultFields_leaveNoDetectedValueAnywhereInTheEncodedRecord() {
    Stage stage = stage(provider, "detectors: [email]");
    String line = "START handling order for customer jane.doe@example.com";
    TelemetryRecord text = function(line);
    TelemetryRecord object =
        TelemetryRecord.builder(
                Instant.EPOCH,
                "function",
                Map.of("message", line, "customer", Map.of("mail", "jane.doe@example.com")))
            .field("message", line)
            .build();

    String encodedText = encoded(kept(stage.apply(text)));
    String encodedObject = encoded(kept(stage.apply(object)));

    assertThat(encodedText).doesNotContain("jane.doe", "example.com").contains("[REDACTED:email]");
    assertThat(encodedObject)
        .doesNotContain("jane.doe", "example.com")
        .contains("[REDACTED:email]");
  }

  @Test
  void defaultFields_coverFieldsThatParseJsonOrAStageAdded() {
    Stage stage = stage(provider, "detectors: [email, ipv4]");
    TelemetryRecord parsed =
        function("order accepted").toBuilder()
            .field("customer", Map.of("mail", "jane.doe@example.com"))
            .field("client_ip", "10.1.2.3")
            .field("orderId", "o-1042")
            .build();

    TelemetryRecord redacted = kept(stage.apply(parsed));

    assertThat(encoded(redacted)).doesNotContain("jane.doe", "10.1.2.3").contains("o-1042");
    assertThat(redacted.fields().get("client_ip")).isEqualTo("[REDACTED:ipv4]");
  }

  @Test
  void listedFields_leaveOtherFieldsAlone() {
    Stage stage = stage(provider, "detectors: [email]\nfields: [message]");
    TelemetryRecord record =
        function("mail jane.doe@example.com").toBuilder().field("owner", "bo@example.com").build();

    TelemetryRecord redacted = kept(stage.apply(record));

    assertThat(redacted.message()).isEqualTo("mail [REDACTED:email]");
    assertThat(redacted.fields().get("owner")).isEqualTo("bo@example.com");
  }

  private static String encoded(TelemetryRecord record) {
    return new String(RecordEncoder.json(record), StandardCharsets.UTF_8);
  }
}
