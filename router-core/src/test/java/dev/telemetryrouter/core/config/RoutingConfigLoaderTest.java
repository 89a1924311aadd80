package dev.telemetryrouter.core.config;

import static dev.telemetryrouter.core.config.Loading.load;
import static dev.telemetryrouter.core.config.Loading.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telemetryrouter.core.config.TestSinkProvider.MemorySink;
import dev.telemetryrouter.core.engine.BufferPolicy;
import dev.telemetryrouter.core.engine.FlushPolicy;
import dev.telemetryrouter.core.engine.OversizePolicy;
import dev.telemetryrouter.core.engine.SinkPlan;
import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkContext;
import dev.telemetryrouter.spi.sink.SinkProvider;
import dev.telemetryrouter.spi.stage.StageProvider;
import dev.telemetryrouter.spi.stage.StageResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingConfigLoaderTest {

  private static final String MINIMAL =
      """
      version: 1
      sinks:
        archive:
          type: memory
          target: bucket-a
      """;

  @Test
  void load_minimalFile_buildsSinkWithDefaults() throws ConfigException {
    LoadedConfig config = load(MINIMAL);

    SinkPlan plan = config.plan().sinks().getFirst();
    assertThat(config.source()).isEqualTo("test");
    assertThat(config.plan().pipeline()).isEmpty();
    assertThat(plan.name()).isEqualTo("archive");
    assertThat(plan.type()).isEqualTo("memory");
    assertThat(((MemorySink) plan.sink()).target()).isEqualTo("bucket-a");
    assertThat(plan.batch().maxRecords()).isEqualTo(500);
    assertThat(plan.batch().maxBytes()).isEqualTo(4 * 1024 * 1024);
    assertThat(plan.batch().maxAge()).isEqualTo(Duration.ofSeconds(1));
    assertThat(plan.retry().maxAttempts()).isEqualTo(3);
    assertThat(plan.buffer().overflow()).isEqualTo(BufferPolicy.Overflow.DROP_OLDEST);
    assertThat(plan.oversize().action()).isEqualTo(OversizePolicy.Action.TRUNCATE);
    assertThat(plan.flush().mode()).isEqualTo(FlushPolicy.Mode.END_OF_INVOKE);
    assertThat(config.extension()).isEqualTo(ExtensionSettings.DEFAULTS);
  }

  @Test
  void load_engineKeys_becomePoliciesAndStayHiddenFromTheSink() throws ConfigException {
    String yaml =
        """
        version: 1
        pipeline:
          - type: tag
            value: p
        sinks:
          archive:
            type: memory
            target: t
            when: {field: level, equals: ERROR}
            stages: [{type: tag, value: s}]
            batch: {max_records: 100, max_bytes: 1MiB, max_age: 250ms}
            retry: {max_attempts: 5, initial_backoff: 50ms, max_backoff: 5s}
            buffer: {max_records: 2000, max_bytes: 2MiB, overflow: block, block_timeout: 20ms}
            oversize: {action: dead_letter}
            dead_letter: {spill_dir: /tmp/spill, spill_max_bytes: 10MiB, sink: debug}
            flush: {mode: periodic, interval: 30s}
          debug:
            type: memory
            target: d
        """;

    LoadedConfig config = load(yaml);

    SinkPlan plan = config.plan().sinks().getFirst();
    TelemetryRecord error = record().toBuilder().field("level", "ERROR").build();
    assertThat(config.plan().pipeline().getFirst().path()).isEqualTo("pipeline[0]");
    assertThat(plan.stages().getFirst().path()).isEqualTo("sinks.archive.stages[0]");
    assertThat(plan.stages().getFirst().stage().apply(record()))
        .isInstanceOfSatisfying(
            StageResult.Keep.class,
            keep -> assertThat(keep.record().fields()).containsEntry("tag", "s"));
    assertThat(plan.when().test(error)).isTrue();
    assertThat(plan.when().test(record())).isFalse();
    assertThat(plan.batch().maxRecords()).isEqualTo(100);
    assertThat(plan.batch().maxBytes()).isEqualTo(1024 * 1024);
    assertThat(plan.batch().maxAge()).isEqualTo(Duration.ofMillis(250));
    assertThat(plan.retry().maxBackoff()).isEqualTo(Duration.ofSeconds(5));
    assertThat(plan.buffer().overflow()).isEqualTo(BufferPolicy.Overflow.BLOCK);
    assertThat(plan.buffer().blockTimeout()).isEqualTo(Duration.ofMillis(20));
    assertThat(plan.oversize().action()).isEqualTo(OversizePolicy.Action.DEAD_LETTER);
    assertThat(plan.deadLetter().spillDirectory()).isEqualTo(Path.of("/tmp/spill"));
    assertThat(plan.deadLetter().sinkName()).isEqualTo("debug");
    assertThat(plan.flush().mode()).isEqualTo(FlushPolicy.Mode.PERIODIC);
    assertThat(plan.flush().interval()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void load_severalMistakes_reportsEveryProblemAtOnce() {
    String yaml =
        """
        version: 2
        sinks:
          archive:
            type: memory
            batch: {max_age: soon}
            retry: {max_attempts: 0}
            buffer: {overflow: spill}
        """;

    assertThat(problems(yaml))
        .containsExactly(
            "version: 2 — expected 1, the only version of routing.yaml this release reads",
            "sinks.archive.target: (missing) — expected a text value",
            "sinks.archive.batch.max_age: 'soon' — expected a duration from 0ms to 15m,"
                + " such as 250ms, 2s or 5m",
            "sinks.archive.retry.max_attempts: 0 — expected a whole number from 1 to 100",
            "sinks.archive.buffer.overflow: 'spill' — expected one of: drop_oldest, drop_newest,"
                + " block");
  }

  @Test
  void load_unknownKeys_areReportedWithTheKnownOnes() {
    String yaml =
        """
        version: 1
        sinkz: {}
        sinks:
          archive:
            type: memory
            target: t
            tagret: u
            batch: {max_record: 10}
        """;

    assertThat(problems(yaml))
        .containsExactly(
            "sinkz: (a mapping) — expected one of the known keys: extension, pipeline, sinks,"
                + " version",
            "sinks.archive.tagret: 'u'"
                + " — expected one of the memory sink's options (target, token)"
                + " or an engine key (batch, buffer, dead_letter, flush, oversize, retry, stages,"
                + " type, when)",
            "sinks.archive.batch.max_record: 10 — expected one of the known keys: max_age,"
                + " max_bytes, max_records");
  }

  @Test
  void load_unknownType_namesThePathAndListsKnownTypesSorted() {
    String yaml =
        """
        version: 1
        pipeline:
          - type: parse_jsn
        sinks:
          archive: {type: memroy, target: t}
          other: {target: t}
        """;

    assertThat(problems(yaml))
        .contains(
            "sinks.archive.type: 'memroy' — expected one of the known sink types: memory",
            "sinks.other.type: (missing) — expected one of the known sink types: memory")
        .contains(
            "pipeline[0].type: 'parse_jsn' — expected one of the known stage types: fields,"
                + " filter, parse_json, redact, sample, tag, truncate");
  }

  @Test
  void load_twoProvidersForOneType_namesBothClasses() {
    RoutingConfigLoader loader =
        new RoutingConfigLoader(
            PluginRegistry.of(
                "sink",
                List.of(new TestSinkProvider(), new DuplicateSinkProvider()),
                provider -> provider.type()),
            PluginRegistry.of(
                "stage", List.of(new TestStageProvider()), provider -> provider.type()),
            List.of());

    assertThatThrownBy(
            () -> loader.load(new ConfigSource("test", MINIMAL), Loading.environment(Map.of())))
        .isInstanceOfSatisfying(
            ConfigException.class,
            failure ->
                assertThat(failure.problems().getFirst().toString())
                    .isEqualTo(
                        "sinks.archive.type: 'memory'"
                            + " — expected exactly one sink provider for this"
                            + " type, but dev.telemetryrouter.core.config.DuplicateSinkProvider and"
                            + " dev.telemetryrouter.core.config.TestSinkProvider both claim it;"
                            + " remove all but one of their jars"));
  }

  @Test
  void load_providerThatThrows_isReportedAtItsTypeAndTheLoadGoesOn() {
    SinkProvider throwing =
        new SinkProvider() {
          @Override
          public String type() {
            return "memory";
          }

          @Override
          public Sink create(SinkContext context) {
            throw new IllegalStateException("no such region");
          }
        };
    RoutingConfigLoader loader =
        new RoutingConfigLoader(
            PluginRegistry.of("sink", List.of(throwing), SinkProvider::type),
            PluginRegistry.of("stage", List.of(new TestStageProvider()), StageProvider::type),
            List.of());

    assertThatThrownBy(
            () ->
                loader.load(
                    new ConfigSource("test", MINIMAL.replace("version: 1", "version: 3")),
                    Loading.environment(Map.of())))
        .isInstanceOfSatisfying(
            ConfigException.class,
            failure ->
                assertThat(failure.problems())
                    .extracting(Problem::toString)
                    .containsExactly(
                        "version: 3 — expected 1, the only version of routing.yaml this release"
                            + " reads",
                        "sinks.archive.type: 'memory' — expected options the memory sink accepts"
                            + " (creating it failed: no such region)"));
  }

  @Test
  void load_batchOverSinkLimit_namesValueAndLimit() {
    String yaml =
        """
        version: 1
        sinks:
          archive:
            type: memory
            target: t
            batch: {max_records: 501, max_bytes: 5MiB}
        """;

    assertThat(problems(yaml))
        .containsExactly(
            "sinks.archive.batch.max_records: 501 — expected at most 500, the memory sink's limit"
                + " of records per batch",
            "sinks.archive.batch.max_bytes: '5MiB' — expected at most 4MiB, the memory sink's"
                + " limit of bytes per batch");
  }

  @Test
  void load_batchExactlyAtSinkLimit_isAccepted() throws ConfigException {
    String yaml =
        """
        version: 1
        sinks:
          archive: {type: memory, target: t, batch: {max_records: 500, max_bytes: 4MiB}}
        """;

    SinkPlan plan = load(yaml).plan().sinks().getFirst();

    assertThat(plan.batch().maxRecords()).isEqualTo(500);
    assertThat(plan.batch().maxBytes()).isEqualTo(4 * 1024 * 1024);
  }

  @Test
  void load_sinkSelection_buildsOnlyTheNamedSinksAndIgnoresTheOthersVariables()
      throws ConfigException {
    String yaml =
        """
        version: 1
        sinks:
          archive: {type: memory, target: "${ARCHIVE_BUCKET}"}
          debug: {type: memory, target: local}
        """;

    LoadedConfig config = load(yaml, Map.of("TELEMETRY_ROUTER_SINKS", " debug "));

    assertThat(config.plan().sinks()).extracting(SinkPlan::name).containsExactly("debug");
  }

  @Test
  void load_sinkSelectionOfOnlyCommas_runsEverySink() throws ConfigException {
    String yaml =
        """
        version: 1
        sinks:
          archive: {type: memory, target: a}
          debug: {type: memory, target: d}
        """;

    LoadedConfig config = load(yaml, Map.of("TELEMETRY_ROUTER_SINKS", " , ,"));

    assertThat(config.plan().sinks())
        .extracting(SinkPlan::name)
        .containsExactly("archive", "debug");
  }

  @Test
  void load_sinkSelectionNamingUndefinedSink_listsTheDefinedOnes() {
    String yaml =
        """
        version: 1
        sinks:
          debug: {type: memory, target: local}
          archive: {type: memory, target: bucket}
        """;

    assertThat(problems(yaml, Map.of("TELEMETRY_ROUTER_SINKS", "debug,arhcive")))
        .containsExactly(
            "TELEMETRY_ROUTER_SINKS: 'debug,arhcive' — expected names of defined sinks, separated"
                + " by commas (arhcive is not defined); defined: archive, debug");
  }

  @Test
  void load_secretValues_areMaskedInEveryProblemLine() {
    String yaml =
        """
        version: 1
        sinks:
          archive:
            type: memory
            target: "s3cr3t-v4lue"
            token: "s3cr3t-v4lue"
            headers: {Authorization: "Basic abc"}
        """;

    List<String> lines = problems(yaml);

    assertThat(lines)
        .containsExactly(
            "sinks.archive.headers: (a mapping) — expected one of the memory sink's options"
                + " (target, token) or an engine key (batch, buffer, dead_letter, flush, oversize,"
                + " retry, stages, type, when)");
    assertThat(String.join("\n", lines)).doesNotContain("s3cr3t");
  }

  @Test
  void load_secretInABadValue_isMaskedEvenWhereTheKeyIsNotSecret() {
    String yaml =
        """
        version: 1
        sinks:
          archive:
            type: memory
            target: t
            token: "s3cr3t-v4lue"
            batch: {max_age: "s3cr3t-v4lue"}
            api_key: "k3y-k3y-k3y"
        """;

    assertThat(problems(yaml))
        .containsExactly(
            "sinks.archive.batch.max_age: '****(12 chars)' — expected a duration from 0ms to 15m,"
                + " such as 250ms, 2s or 5m",
            "sinks.archive.api_key: ****(11 chars) — expected one of the memory sink's options"
                + " (target, token) or an engine key (batch, buffer, dead_letter, flush, oversize,"
                + " retry, stages, type, when)");
  }

  @Test
  void load_unsetVariableAtASecretKey_showsTheReferenceButNotTheText() {
    String yaml =
        """
        version: 1
        sinks:
          archive: {type: memory, target: t, token: "Bearer abc123def${TOKEN}"}
        """;

    assertThat(problems(yaml))
        .containsExactly(
            "sinks.archive.token: '${TOKEN}' — expected the environment variable TOKEN to be set,"
                + " or a default as ${TOKEN:-value}");
  }

  @Test
  void load_yamlSyntaxError_reportsLineAndColumn() {
    String yaml = "version: 1\nsinks:\n  archive: {type: memory\n  debug: x\n";

    List<String> lines = problems(yaml);

    assertThat(lines).hasSize(1);
    assertThat(lines.getFirst())
        .matches("\\(yaml line 4, column \\d+\\): .+ — expected valid YAML");
  }

  @Test
  void load_duplicateKey_isASyntaxProblem() {
    String yaml = "version: 1\nversion: 1\nsinks: {}\n";

    assertThat(problems(yaml))
        .singleElement()
        .asString()
        .startsWith("(yaml line 2, column 1): ")
        .contains("version");
  }

  @Test
  void load_sinkThatIsNotAMapping_isOneProblem() {
    assertThat(problems("version: 1\nsinks:\n  archive: firehose\n"))
        .containsExactly(
            "sinks.archive: 'firehose' — expected a sink: a mapping with its type and options");
  }

  @Test
  void load_noSinks_isAProblem() {
    assertThat(problems("version: 1\n"))
        .containsExactly(
            "sinks: (missing) — expected a mapping of sink names to sinks, at least one");
  }

  @Test
  void load_deadLetterToItselfOrUnknownSink_listsTheOtherActiveSinks() {
    String yaml =
        """
        version: 1
        sinks:
          archive: {type: memory, target: t, dead_letter: {sink: archive}}
          debug: {type: memory, target: d, dead_letter: {sink: nowhere, spill_dir: tmp}}
        """;

    assertThat(problems(yaml))
        .containsExactly(
            "sinks.archive.dead_letter.sink: 'archive' — expected the name of another active"
                + " sink: debug",
            "sinks.debug.dead_letter.sink: 'nowhere' — expected the name of another active sink:"
                + " archive",
            "sinks.debug.dead_letter.spill_dir: 'tmp' — expected an absolute directory path, such"
                + " as /tmp/telemetry-router");
  }

  @Test
  void configException_message_namesSourceAndListsOneProblemPerLine() {
    ConfigException failure =
        new ConfigException(
            "file /var/task/routing.yaml",
            List.of(new Problem("version", "2", "1"), new Problem("sinks", "(missing)", "a sink")));

    assertThat(failure.getMessage())
        .isEqualTo(
            """
            routing configuration from file /var/task/routing.yaml has 2 problems; fix the lines \
            below and deploy again:
            version: 2 — expected 1
            sinks: (missing) — expected a sink\
            """);
  }

  @Test
  void configException_report_namesTheGivenNextStepInsteadOfDeploying() {
    ConfigException failure =
        new ConfigException("file routing.yaml", List.of(new Problem("version", "2", "1")));

    String report = failure.report("run validate again");

    assertThat(report)
        .isEqualTo(
            """
            routing configuration from file routing.yaml has 1 problem; fix the lines below and \
            run validate again:
            version: 2 — expected 1\
            """);
    assertThat(failure.getMessage()).contains("fix the lines below and deploy again:");
  }

  private static TelemetryRecord record() {
    return TelemetryRecord.builder(Instant.EPOCH, "function", "hello").build();
  }
}
