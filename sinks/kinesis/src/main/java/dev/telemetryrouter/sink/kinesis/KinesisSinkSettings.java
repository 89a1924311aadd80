package dev.telemetryrouter.sink.kinesis;

import dev.telemetryrouter.sink.aws.AwsClientOptions;
import dev.telemetryrouter.spi.config.ConfigSection;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The options of one {@code type: kinesis} sink.
 *
 * @param stream the stream name, or its ARN (which also names the account and region)
 * @param partitionKey the key template, or empty for random keys
 * @param aggregation whether to pack records into KPL aggregates
 * @param encoding how each record is encoded
 * @param client region, endpoint and connect timeout
 */
record KinesisSinkSettings(
    String stream,
    Optional<String> partitionKey,
    boolean aggregation,
    RecordEncoding encoding,
    AwsClientOptions client) {

  /** CreateStream API reference: a stream name is 1 to 128 of these characters. */
  private static final Pattern STREAM_NAME = Pattern.compile("[a-zA-Z0-9_.-]{1,128}");

  /** A stream ARN: {@code arn:<partition>:kinesis:<region>:<account>:stream/<name>}. */
  private static final Pattern STREAM_ARN =
      Pattern.compile("arn:aws[a-z-]*:kinesis:[a-z0-9-]+:\\d{12}:stream/[a-zA-Z0-9_.-]{1,128}");

  /** Reads and checks the options, recording every problem in {@code config}. */
  static KinesisSinkSettings read(ConfigSection config, Map<String, String> environment) {
    String stream = config.string("stream").strip();
    if (!stream.isEmpty() && !isStreamArn(stream) && !STREAM_NAME.matcher(stream).matches()) {
      config.problem(
          "stream",
          stream,
          "a stream name of 1 to 128 letters, digits, '_', '-' or '.', or a stream ARN such as"
              + " arn:aws:kinesis:eu-west-1:123456789012:stream/logs");
    }

    Optional<String> partitionKey = config.optionalString("partition_key");
    boolean aggregation = config.bool("aggregation", false);
    String encoding = config.choice("encoding", "json", List.of("json", "message"));
    AwsClientOptions client = AwsClientOptions.read(config, environment);
    return new KinesisSinkSettings(
        stream,
        partitionKey,
        aggregation,
        RecordEncoding.valueOf(encoding.toUpperCase(Locale.ROOT)),
        client);
  }

  boolean streamIsArn() {
    return isStreamArn(stream);
  }

  private static boolean isStreamArn(String stream) {
    return STREAM_ARN.matcher(stream).matches();
  }
}
