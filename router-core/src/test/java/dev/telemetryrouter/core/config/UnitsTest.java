package dev.telemetryrouter.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitsTest {

  @ParameterizedTest
  @CsvSource({
    "512, 512",
    "0, 0",
    "10B, 10",
    "256KB, 256000",
    "256KiB, 262144",
    "4MiB, 4194304",
    "4 MB, 4000000",
    "1GiB, 1073741824",
    "2GB, 2000000000"
  })
  void parseBytes_validSizes_areBytes(String text, long bytes) {
    assertThat(Units.parseBytes(text)).isEqualTo(OptionalLong.of(bytes));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "4mib", "1.5MiB", "-1", "KB", "4 MiBs", "99999999999999999999GiB"})
  void parseBytes_invalidSizes_areEmpty(String text) {
    assertThat(Units.parseBytes(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"250ms, PT0.25S", "2s, PT2S", "5m, PT5M", "1h, PT1H", "0, PT0S", "0ms, PT0S"})
  void parseDuration_validDurations_areParsed(String text, Duration expected) {
    assertThat(Units.parseDuration(text)).isEqualTo(Optional.of(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "2", "2 sec", "1.5s", "-1s", "5M", "1d"})
  void parseDuration_invalidDurations_areEmpty(String text) {
    assertThat(Units.parseDuration(text)).isEmpty();
  }

  @Test
  void format_roundValues_useTheLargestExactUnit() {
    assertThat(Units.formatBytes(4 * 1024 * 1024)).isEqualTo("4MiB");
    assertThat(Units.formatBytes(262_144)).isEqualTo("256KiB");
    assertThat(Units.formatBytes(1000)).isEqualTo("1000 bytes");
    assertThat(Units.formatDuration(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(Units.formatDuration(Duration.ofMinutes(15))).isEqualTo("15m");
    assertThat(Units.formatDuration(Duration.ZERO)).isEqualTo("0ms");
  }

  @Test
  void section_sizesAtAndBeyondBounds_acceptInsideAndReportOutside() {
    Problems problems = new Problems();
    YamlSection section =
        new YamlSection(
            "x", Map.of("low", "1KiB", "high", "1048577", "edge", "1MiB", "bad", "lots"), problems);

    long low = section.bytes("low", 7, 1024, 1024 * 1024);
    long edge = section.bytes("edge", 7, 1024, 1024 * 1024);
    long high = section.bytes("high", 7, 1024, 1024 * 1024);
    long bad = section.bytes("bad", 7, 1024, 1024 * 1024);

    assertThat(new long[] {low, edge, high, bad}).containsExactly(1024, 1024 * 1024, 7, 7);
    assertThat(problems.list())
        .extracting(Problem::toString)
        .containsExactly(
            "x.high: '1048577' — expected a size from 1KiB to 1MiB, such as 512, 256KB or 4MiB",
            "x.bad: 'lots' — expected a size from 1KiB to 1MiB, such as 512, 256KB or 4MiB");
  }

  @Test
  void section_durationsAtAndBeyondBounds_acceptInsideAndReportOutside() {
    Problems problems = new Problems();
    YamlSection section =
        new YamlSection(
            "x", Map.of("min", "25ms", "under", "24ms", "max", "30s", "number", 5L), problems);
    Duration min = Duration.ofMillis(25);
    Duration max = Duration.ofSeconds(30);

    Duration atMin = section.duration("min", max, min, max);
    Duration atMax = section.duration("max", min, min, max);
    Duration under = section.duration("under", max, min, max);
    Duration number = section.duration("number", max, min, max);

    assertThat(atMin).isEqualTo(min);
    assertThat(atMax).isEqualTo(max);
    assertThat(under).isEqualTo(max);
    assertThat(number).isEqualTo(max);
    assertThat(problems.list())
        .extracting(Problem::toString)
        .containsExactly(
            "x.under: '24ms' — expected a duration from 25ms to 30s, such as 250ms, 2s or 5m",
            "x.number: 5 — expected a duration from 25ms to 30s, such as 250ms, 2s or 5m");
  }

  @Test
  void section_typedScalars_acceptTextFromInterpolationAndReportWrongShapes() {
    Problems problems = new Problems();
    YamlSection section =
        new YamlSection(
            "s",
            Map.of(
                "n", "42", "flag", "TRUE", "rate", "0.25", "list", java.util.List.of(1L), "f", 1.5),
            problems);

    assertThat(section.number("n", 0, 0, 100)).isEqualTo(42);
    assertThat(section.bool("flag", false)).isTrue();
    assertThat(section.decimal("rate", 1, 0, 1)).isEqualTo(0.25);
    assertThat(section.string("list")).isEmpty();
    assertThat(section.number("f", 3, 0, Long.MAX_VALUE)).isEqualTo(3);
    assertThat(problems.list())
        .extracting(Problem::toString)
        .containsExactly(
            "s.list: (a list) — expected a text value",
            "s.f: 1.5 — expected a whole number of at least 0");
  }
}
