package dev.telemetryrouter.spi.stage;

import dev.telemetryrouter.spi.config.ConfigSection;
import java.time.InstantSource;
import java.util.Map;
import java.util.random.RandomGenerator;

/** What a {@link StageProvider} is given to create one stage. */
public interface StageContext {

  /**
   * The stage's options at its key path, such as {@code pipeline[2]}; the {@code type} key has been
   * read already.
   */
  ConfigSection config();

  /** The process environment. */
  Map<String, String> environment();

  /** The clock; faked in tests. */
  InstantSource clock();

  /** The random source (for sampling records without a request id); seeded in tests. */
  RandomGenerator random();
}
