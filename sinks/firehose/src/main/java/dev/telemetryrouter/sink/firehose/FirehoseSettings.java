package dev.telemetryrouter.sink.firehose;

import dev.telemetryrouter.sink.aws.AwsClientOptions;
import dev.telemetryrouter.spi.config.ConfigSection;
import dev.telemetryrouter.spi.sink.SinkLimits;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The options of a {@code firehose} sink.
 *
 * @param stream the Firehose stream (delivery stream) name
 * @param delimiter the bytes appended to each record unless it already ends with them; empty for
 *     none
 * @param client region, endpoint and timeouts
 */
record FirehoseSettings(String stream, byte[] delimiter, AwsClientOptions client) {

  /** PutRecordBatch: at most 500 records per call (Firehose API reference, PutRecordBatch). */
  static final int MAX_RECORDS_PER_CALL = 500;

  /** PutRecordBatch: at most 4 MiB of record data per call. */
  static final long MAX_BYTES_PER_CALL = 4L * 1024 * 1024;

  /** Firehose Record: at most 1,000 KiB of data before base64 encoding, the delimiter included. */
  static final long MAX_BYTES_PER_RECORD = 1_000L * 1024;

  /** DeliveryStreamName: 1 to 64 characters of letters, digits, '_', '.' and '-'. */
  private static final Pattern STREAM_NAME = Pattern.compile("[a-zA-Z0-9_.-]{1,64}");

  /** A delimiter is framing, not content: a few bytes at most. */
  private static final int MAX_DELIMITER_BYTES = 16;

  /**
   * Reads the options, recording a problem for each bad value. Firehose concatenates record data as
   * it is into its destination, so records get a newline by default: without one, JSON records land
   * glued together ({@code }{}) in S3.
   */
  static FirehoseSettings read(ConfigSection config, Map<String, String> environment) {
    String stream = config.string("stream");
    if (!stream.isEmpty() && !STREAM_NAME.matcher(stream).matches()) {
      config.problem(
          "stream", stream, "a Firehose stream name of 1 to 64 letters, digits, '_', '.' or '-'");
    }

    String delimiterText = config.optionalString("delimiter").orElse("\n");
    byte[] delimiter = delimiterText.getBytes(StandardCharsets.UTF_8);
    if (delimiter.length > MAX_DELIMITER_BYTES) {
      config.problem(
          "delimiter",
          delimiterText,
          "at most " + MAX_DELIMITER_BYTES + " bytes, such as \"\\n\" (the default) or \"\"");
      delimiter = new byte[] {'\n'};
    }
    return new FirehoseSettings(stream, delimiter, AwsClientOptions.read(config, environment));
  }

  /** The API limits, with the delimiter counted against each record and each call. */
  SinkLimits limits() {
    return new SinkLimits(
        MAX_RECORDS_PER_CALL, MAX_BYTES_PER_CALL, MAX_BYTES_PER_RECORD, delimiter.length, 0);
  }
}
