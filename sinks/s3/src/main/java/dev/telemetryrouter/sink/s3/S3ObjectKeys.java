package dev.telemetryrouter.sink.s3;

import dev.telemetryrouter.spi.FunctionContext;
import dev.telemetryrouter.spi.sink.SinkBatch;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Names objects. The unique part is a random id drawn once per sink (so per sandbox) and a sequence
 * number per batch: keys from two sandboxes differ by the random id even in the same millisecond,
 * and keys of one sandbox by the sequence. A batch the engine resends after a retryable failure
 * keeps its key, so a PUT that in fact succeeded before a timeout is replaced by the same content
 * rather than duplicated under a second key.
 */
final class S3ObjectKeys {

  /** 48 random bits: two sandboxes collide with odds of about 1 in 2.8 x 10^14. */
  private static final int RANDOM_BYTES = 6;

  /** Batches remembered for resends; the engine retries a few batches at most at a time. */
  private static final int REMEMBERED_BATCHES = 64;

  private final S3Settings settings;
  private final FunctionContext function;
  private final InstantSource clock;
  private final RandomGenerator random;
  private final Map<String, String> keysByBatch =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > REMEMBERED_BATCHES;
        }
      };
  private String sandboxId = "";
  private long sequence;

  S3ObjectKeys(
      S3Settings settings, FunctionContext function, InstantSource clock, RandomGenerator random) {
    this.settings = settings;
    this.function = function;
    this.clock = clock;
    this.random = random;
  }

  /** The key of {@code batch}: the same on every send of the same batch id. */
  synchronized String keyFor(SinkBatch batch) {
    return keysByBatch.computeIfAbsent(batch.id(), id -> newKey(batch));
  }

  private String newKey(SinkBatch batch) {
    if (sandboxId.isEmpty()) {
      byte[] bytes = new byte[RANDOM_BYTES];
      random.nextBytes(bytes);
      sandboxId = HexFormat.of().formatHex(bytes);
    }
    sequence++;
    String unique = sandboxId + "-" + String.format(java.util.Locale.ROOT, "%06d", sequence);

    Instant time =
        settings.keyClock() == S3Settings.KeyClock.RECORD
            ? batch.records().getFirst().record().time()
            : clock.instant();
    String requestId = batch.records().getFirst().record().requestId();
    String key = settings.key().render(time, function, requestId, unique);
    return key + (settings.gzip() ? ".jsonl.gz" : ".jsonl");
  }
}
