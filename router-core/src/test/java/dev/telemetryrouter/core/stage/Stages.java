package dev.telemetryrouter.core.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.core.config.Problem;
import dev.telemetryrouter.core.config.Problems;
import dev.telemetryrouter.core.config.YamlSection;
import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.config.ConfigSection;
import dev.telemetryrouter.spi.stage.Stage;
import dev.telemetryrouter.spi.stage.StageContext;
import dev.telemetryrouter.spi.stage.StageProvider;
import dev.telemetryrouter.spi.stage.StageResult;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Test helpers: create a stage from a YAML mapping and run records through it. */
final class Stages {

  private Stages() {}

  record Context(ConfigSection config, RandomGenerator random) implements StageContext {
    @Override
    public Map<String, String> environment() {
      return Map.of();
    }

    @Override
    public InstantSource clock() {
      return InstantSource.fixed(Instant.EPOCH);
    }
  }

  record Created(Stage stage, List<String> problems) {}

  static Created create(StageProvider provider, String yaml, RandomGenerator random) {
    @SuppressWarnings("unchecked")
    Map<String, Object> map =
        (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
    Problems problems = new Problems();
    YamlSection section = new YamlSection("pipeline[0]", map, problems);
    section.has("type");
    Stage stage = provider.create(new Context(section, random));
    section.reportUnknownKeys();
    return new Created(stage, problems.list().stream().map(Problem::toString).toList());
  }

  /** The stage, after checking its configuration had no problem. */
  static Stage stage(StageProvider provider, String yaml) {
    Created created = create(provider, yaml, RandomGenerator.of("L64X128MixRandom"));
    assertThat(created.problems()).isEmpty();
    return created.stage();
  }

  static List<String> problems(StageProvider provider, String yaml) {
    return create(provider, yaml, RandomGenerator.of("L64X128MixRandom")).problems();
  }

  static TelemetryRecord function(String message) {
    return TelemetryRecord.builder(Instant.EPOCH, "function", message)
        .field(TelemetryRecord.MESSAGE, message)
        .build();
  }

  /** The kept record; fails when the stage dropped it. */
  static TelemetryRecord kept(StageResult result) {
    assertThat(result).isInstanceOf(StageResult.Keep.class);
    return ((StageResult.Keep) result).record();
  }

  /** The drop reason, or "kept". */
  static String outcome(StageResult result) {
    return result instanceof StageResult.Drop drop ? drop.reason() : "kept";
  }
}
