package dev.telemetryrouter.sink.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.spi.config.ConfigSection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MapConfigSectionTest {

  private static MapConfigSection section(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return MapConfigSection.of("sinks.out", map);
  }

  @Test
  void bytes_withHumanUnits_readsDecimalAndBinaryMultiples() {
    MapConfigSection config =
        section("a", "4MiB", "b", "256KB", "c", 512, "d", "1 kib", "e", "2GB");

    long a = config.bytes("a", 0, 0, Long.MAX_VALUE);
    long b = config.bytes("b", 0, 0, Long.MAX_VALUE);
    long c = config.bytes("c", 0, 0, Long.MAX_VALUE);
    long d = config.bytes("d", 0, 0, Long.MAX_VALUE);
    long e = config.bytes("e", 0, 0, Long.MAX_VALUE);

    assertThat(List.of(a, b, c, d, e))
        .containsExactly(4_194_304L, 256_000L, 512L, 1_024L, 2_000_000_000L);
    assertThat(config.problems()).isEmpty();
  }

  @Test
  void bytes_withUnknownUnitOrOutOfRange_recordsProblemAndReturnsDefault() {
    MapConfigSection config = section("a", "4 parsecs", "b", "2MiB");

    long a = config.bytes("a", 7, 0, 100);
    long b = config.bytes("b", 9, 0, 1_048_576);

    assertThat(List.of(a, b)).containsExactly(7L, 9L);
    assertThat(config.problems())
        .extracting(ConfigProblem::toString)
        .containsExactly(
            "sinks.out.a: '4 parsecs' is not valid: expected a size from 0 to 100 bytes, such as"
                + " 512, 256KB or 4MiB",
            "sinks.out.b: '2MiB' is not valid: expected a size from 0 to 1048576 bytes, such as"
                + " 512, 256KB or 4MiB");
  }

  @Test
  void duration_withUnits_readsAndRefusesBareNumbers() {
    MapConfigSection config = section("a", "250ms", "b", "2s", "c", "5m", "d", "1h", "e", "30");
    Duration max = Duration.ofDays(1);

    List<Duration> read =
        List.of("a", "b", "c", "d").stream()
            .map(key -> config.duration(key, Duration.ZERO, Duration.ZERO, max))
            .toList();
    Duration bare = config.duration("e", Duration.ofSeconds(3), Duration.ZERO, max);

    assertThat(read)
        .containsExactly(
            Duration.ofMillis(250),
            Duration.ofSeconds(2),
            Duration.ofMinutes(5),
            Duration.ofHours(1));
    assertThat(bare).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.problems()).extracting(ConfigProblem::path).containsExactly("sinks.out.e");
  }

  @Test
  void string_whenMissing_recordsProblemWithPath() {
    MapConfigSection config = section();

    String value = config.string("stream");

    assertThat(value).isEmpty();
    assertThat(config.problems())
        .extracting(ConfigProblem::toString)
        .containsExactly("sinks.out.stream: <missing> is not valid: expected a text value");
  }

  @Test
  void problem_onSecretKey_masksValue() {
    MapConfigSection config = section("token", "hunter2");

    config.secret("token");
    config.problem("token", "hunter2", "a token of 32 characters");

    assertThat(config.problems().getFirst().shownValue()).isEqualTo("****(7 chars)");
    assertThat(config.problems().toString()).doesNotContain("hunter2");
  }

  @Test
  void interpolatedText_readsAsNumberBoolAndChoice() {
    MapConfigSection config = section("n", "42", "f", "TRUE", "c", "Gzip", "x", "4.5");

    long n = config.number("n", 0, 0, 100);
    boolean f = config.bool("f", false);
    String c = config.choice("c", "none", List.of("none", "gzip"));
    long x = config.number("x", 1, 0, 100);

    assertThat(n).isEqualTo(42);
    assertThat(f).isTrue();
    assertThat(c).isEqualTo("gzip");
    assertThat(x).isEqualTo(1);
    assertThat(config.problems()).extracting(ConfigProblem::path).containsExactly("sinks.out.x");
  }

  @Test
  void unknownKeys_listsUnreadKeysIncludingNestedOnes() {
    MapConfigSection config =
        section("read", "yes", "typo_key", 1, "nested", Map.of("inner", 1, "stray", 2));

    config.string("read");
    ConfigSection nested = config.section("nested");
    nested.number("inner", 0, 0, 10);

    assertThat(config.unknownKeys())
        .containsExactly("sinks.out.typo_key", "sinks.out.nested.stray");
  }

  @Test
  void sections_ofList_givesIndexedPaths() {
    MapConfigSection config = section("stages", List.of(Map.of("type", "a"), Map.of("type", 3)));

    List<ConfigSection> stages = config.sections("stages");
    stages.get(1).section("type");

    assertThat(stages)
        .extracting(ConfigSection::path)
        .containsExactly("sinks.out.stages[0]", "sinks.out.stages[1]");
    assertThat(config.problems())
        .extracting(ConfigProblem::toString)
        .containsExactly(
            "sinks.out.stages[1].type: '3' is not valid: expected a mapping of options");
  }

  @Test
  void stringsAndStringMap_acceptScalarAndRefuseNesting() {
    MapConfigSection config =
        section(
            "one",
            "a",
            "many",
            List.of("a", 2),
            "headers",
            Map.of("X-Key", "v"),
            "bad",
            List.of(List.of()));

    List<String> one = config.strings("one");
    List<String> many = config.strings("many");
    Map<String, String> headers = config.stringMap("headers");
    List<String> bad = config.strings("bad");

    assertThat(one).containsExactly("a");
    assertThat(many).containsExactly("a", "2");
    assertThat(headers).containsEntry("X-Key", "v");
    assertThat(bad).isEmpty();
    assertThat(config.problems()).extracting(ConfigProblem::path).containsExactly("sinks.out.bad");
  }
}
