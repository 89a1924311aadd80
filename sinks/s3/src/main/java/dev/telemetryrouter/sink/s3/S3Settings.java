package dev.telemetryrouter.sink.s3;

import dev.telemetryrouter.sink.aws.AwsClientOptions;
import dev.telemetryrouter.spi.config.ConfigSection;
import dev.telemetryrouter.spi.sink.SinkLimits;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The options of an {@code s3} sink.
 *
 * @param bucket the bucket name
 * @param key the object key template
 * @param gzip whether objects are gzip-compressed ({@code Content-Encoding: gzip}, {@code .gz})
 * @param keyClock which time names the object: the flush or the first record's event time
 * @param checksumWhenRequired whether to send checksums only where S3 requires them, for
 *     S3-compatible servers that refuse the SDK's default CRC checksums and chunked uploads
 * @param pathStyle whether to address the bucket in the path rather than the host name
 * @param kmsKeyId a KMS key for SSE-KMS, or {@code null} for the bucket's default encryption
 * @param client region, endpoint and timeouts
 */
record S3Settings(
    String bucket,
    S3KeyTemplate key,
    boolean gzip,
    KeyClock keyClock,
    boolean checksumWhenRequired,
    boolean pathStyle,
    @Nullable String kmsKeyId,
    AwsClientOptions client) {

  /** Which time names an object. */
  enum KeyClock {
    /** When the batch was sent: keys sort by arrival, late records land in the current hour. */
    FLUSH,
    /** The event time of the batch's first record: partitions follow when things happened. */
    RECORD
  }

  /**
   * Records per object. S3 has no such limit; this bounds the work of one PUT and keeps an object
   * readable by line-oriented tools. The engine's {@code batch.max_records} may lower it.
   */
  static final int MAX_RECORDS_PER_OBJECT = 100_000;

  /**
   * Bytes per object before compression. A single PUT takes up to 5 GB (S3 PutObject), but the
   * batch sits in memory twice (buffer and body) in a function that may have 128 MB, so 64 MiB is
   * the ceiling and {@code batch.max_bytes} should usually be far lower.
   */
  static final long MAX_BYTES_PER_OBJECT = 64L * 1024 * 1024;

  /** Bytes per record: larger than any Lambda log line (cut at 256 KB), the newline included. */
  static final long MAX_BYTES_PER_RECORD = 1024L * 1024;

  /** The newline after each JSON line. */
  static final int NEWLINE_BYTES = 1;

  /**
   * Bucket names: 3 to 63 lower-case letters, digits, dots and hyphens (S3 bucket naming rules).
   */
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  static S3Settings read(ConfigSection config, Map<String, String> environment) {
    String bucket = config.string("bucket");
    if (!bucket.isEmpty() && !BUCKET.matcher(bucket).matches()) {
      config.problem("bucket", bucket, "an S3 bucket name: 3 to 63 of a-z, 0-9, '.' and '-'");
    }

    String keyText = config.optionalString("key").orElse(S3KeyTemplate.DEFAULT);
    S3KeyTemplate key = S3KeyTemplate.parse(keyText);
    for (String problem : key.problems()) {
      config.problem(
          "key", keyText, "a key template (" + problem + "); placeholders: " + placeholders());
    }

    boolean gzip = config.choice("compression", "none", List.of("none", "gzip")).equals("gzip");
    KeyClock keyClock =
        KeyClock.valueOf(
            config
                .choice("key_time", "flush", List.of("flush", "record"))
                .toUpperCase(Locale.ROOT));
    boolean whenRequired =
        config
            .choice(
                "request_checksum_calculation",
                "when_supported",
                List.of("when_supported", "when_required"))
            .equals("when_required");

    AwsClientOptions client = AwsClientOptions.read(config, environment);
    boolean pathStyle = config.bool("path_style", client.endpoint() != null);
    String kmsKeyId = config.optionalString("kms_key_id").orElse(null);
    return new S3Settings(bucket, key, gzip, keyClock, whenRequired, pathStyle, kmsKeyId, client);
  }

  /** The limits the engine batches to: one batch is one object. */
  SinkLimits limits() {
    return new SinkLimits(
        MAX_RECORDS_PER_OBJECT, MAX_BYTES_PER_OBJECT, MAX_BYTES_PER_RECORD, NEWLINE_BYTES, 0);
  }

  private static String placeholders() {
    return String.join(
        ", ", S3KeyTemplate.PLACEHOLDERS.stream().sorted().map(p -> "{" + p + "}").toList());
  }
}
