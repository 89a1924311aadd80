package dev.telemetryrouter.core.stage;

import dev.telemetryrouter.spi.FieldPath;
import dev.telemetryrouter.spi.config.ConfigSection;
import dev.telemetryrouter.spi.stage.Stage;
import dev.telemetryrouter.spi.stage.StageContext;
import dev.telemetryrouter.spi.stage.StageProvider;
import dev.telemetryrouter.spi.stage.StageResult;
import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;

/**
 * {@code type: sample}: keeps a fraction {@code rate} (0 to 1) of records, dropping the others with
 * reason {@code sample}. The decision hashes the text at {@code key} (default {@code requestId}),
 * so every record of one invocation is kept or dropped together, and the same request gets the same
 * decision in every sink and on every start. Records without that field are sampled with the
 * injected random source.
 */
public final class SampleStageProvider implements StageProvider {

  /** 2^53: a 53-bit value over this is a uniform double in [0, 1), as Random.nextDouble does. */
  private static final double TWO_TO_53 = 0x1p53;

  @Override
  public String type() {
    return "sample";
  }

  @Override
  public Stage create(StageContext context) {
    ConfigSection config = context.config();
    if (!config.has("rate")) {
      config.problem("rate", null, "the fraction of records to keep, from 0 to 1, such as 0.1");
    }
    double rate = config.decimal("rate", 1, 0, 1);
    FieldPath key =
        Condition.fieldPath(config, "key", config.optionalString("key").orElse("requestId"));
    RandomGenerator random = context.random();
    return record -> {
      String value = record.getText(key);
      double draw = value == null ? next(random) : position(value);
      return draw < rate ? StageResult.keep(record) : StageResult.drop("sample");
    };
  }

  /** A stable position in [0, 1) for {@code text}: FNV-1a, then a 64-bit finalizer to mix it. */
  static double position(String text) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    hash ^= hash >>> 33;
    hash *= 0xff51afd7ed558ccdL;
    hash ^= hash >>> 33;
    hash *= 0xc4ceb9fe1a85ec53L;
    hash ^= hash >>> 33;
    return (hash >>> 11) / TWO_TO_53;
  }

  private static double next(RandomGenerator random) {
    // Generators such as SplittableRandom are not thread-safe, and stages run on many threads.
    synchronized (random) {
      return random.nextDouble();
    }
  }
}
