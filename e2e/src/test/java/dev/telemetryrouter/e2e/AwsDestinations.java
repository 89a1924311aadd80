package dev.telemetryrouter.e2e;

import dev.telemetryrouter.sink.firehose.FakeFirehose;
import dev.telemetryrouter.sink.kinesis.EmulatorStreams;
import dev.telemetryrouter.sink.kinesis.KinesisLocal;
import dev.telemetryrouter.sink.s3.S3Testing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One test's AWS destinations, all on 127.0.0.1: a fresh loopback Firehose, a fresh bucket in the
 * shared S3Mock, a fresh two-shard stream in the shared kinesis-local (and, when asked for, a
 * second one for a Kinesis sink with KPL aggregation). Gives the {@code sinks:} entries that point
 * the extension at them (explicit endpoint and region on every sink, so no client ever looks for a
 * real AWS host), and reads back what each holds, as the records' JSON objects.
 */
final class AwsDestinations implements AutoCloseable {

  static final String REGION = "eu-west-1";
  static final String FIREHOSE = "delivery";
  static final String S3 = "archive";
  static final String KINESIS = "stream";
  static final String KINESIS_AGGREGATED = "stream-kpl";

  private static final String DELIVERY_STREAM = "e2e-logs";

  final FakeFirehose firehose;
  private final S3Client s3;
  private final String s3Endpoint;
  private final String bucket;
  private final EmulatorStreams streams;
  private final URI kinesisEndpoint;
  private final String stream;
  private final @Nullable String aggregatedStream;

  /**
   * @param withAggregation whether to add the sink {@value #KINESIS_AGGREGATED}, which packs
   *     records into KPL aggregates on a stream of its own; read back de-aggregated
   */
  AwsDestinations(
      S3Client s3,
      String s3Endpoint,
      EmulatorStreams streams,
      URI kinesisEndpoint,
      boolean withAggregation) {
    try {
      this.firehose = FakeFirehose.start(DELIVERY_STREAM);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.s3 = s3;
    this.s3Endpoint = s3Endpoint;
    this.bucket = S3Testing.freshBucket(s3);
    this.streams = streams;
    this.kinesisEndpoint = kinesisEndpoint;
    try {
      this.stream = streams.create(2);
      this.aggregatedStream = withAggregation ? streams.create(2) : null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating a stream", e);
    }
  }

  /** The names of the AWS sinks that {@link #sinksYaml} configures. */
  List<String> sinks() {
    return aggregatedStream == null
        ? List.of(FIREHOSE, S3, KINESIS)
        : List.of(FIREHOSE, S3, KINESIS, KINESIS_AGGREGATED);
  }

  /**
   * The AWS sinks' entries under {@code sinks:}; {@code firehoseExtra} holds further lines for the
   * Firehose sink, indented by four spaces. S3 objects are gzip-compressed and keyed by the sink's
   * batch sequence alone, so key order is write order. Kinesis records are keyed by request id, so
   * the records of one invocation share a shard and keep their order.
   */
  String sinksYaml(String firehoseExtra) {
    return "  "
        + FIREHOSE
        + ":\n"
        + "    type: firehose\n"
        + "    stream: "
        + DELIVERY_STREAM
        + "\n"
        + endpoint(firehose.url(), REGION)
        + firehoseExtra
        + "  "
        + S3
        + ":\n"
        + "    type: s3\n"
        + "    bucket: "
        + bucket
        + "\n"
        + "    compression: gzip\n"
        + "    key: \"e2e/{unique}\"\n"
        + endpoint(s3Endpoint, REGION)
        + kinesisYaml(KINESIS, stream, false)
        + (aggregatedStream == null ? "" : kinesisYaml(KINESIS_AGGREGATED, aggregatedStream, true));
  }

  private String kinesisYaml(String sink, String streamName, boolean aggregation) {
    return "  "
        + sink
        + ":\n"
        + "    type: kinesis\n"
        + "    stream: "
        + streamName
        + "\n"
        + "    partition_key: \"{requestId}\"\n"
        + "    aggregation: "
        + aggregation
        + "\n"
        + endpoint(kinesisEndpoint.toString(), KinesisLocal.REGION);
  }

  private static String endpoint(String url, String region) {
    return "    endpoint: " + url + "\n    region: " + region + "\n";
  }

  /** What the loopback Firehose stored, in arrival order; each record ends with its newline. */
  List<Map<String, @Nullable Object>> firehoseRecords() {
    return firehose.stored().stream()
        .map(data -> new String(data, StandardCharsets.UTF_8))
        .map(AwsDestinations::withoutNewline)
        .map(JsonLines::parseObject)
        .toList();
  }

  /** Every line of every object in the bucket, objects in key order, gunzipped. */
  List<Map<String, @Nullable Object>> s3Records() {
    return S3Testing.lines(s3, bucket).stream().map(JsonLines::parseObject).toList();
  }

  /**
   * What a KCL consumer reads from the sink {@value #KINESIS}'s stream: every shard from its start,
   * de-aggregated, shard by shard in sequence order.
   */
  List<Map<String, @Nullable Object>> kinesisRecords() {
    return kinesisRecords(stream);
  }

  private List<Map<String, @Nullable Object>> kinesisRecords(String streamName) {
    return streams.readDeaggregated(streamName).stream()
        .map(read -> StandardCharsets.UTF_8.decode(read.record().data()).toString())
        .map(JsonLines::parseObject)
        .toList();
  }

  /**
   * How many Kinesis records (aggregates count once) the aggregated sink's stream holds, as
   * GetRecords returns them before de-aggregation.
   */
  int aggregatedStreamRawRecords() {
    if (aggregatedStream == null) {
      throw new IllegalStateException("made without the aggregated Kinesis sink");
    }
    return streams.readRaw(aggregatedStream).size();
  }

  /** The records of every sink, by sink name. */
  Map<String, List<Map<String, @Nullable Object>>> allRecords() {
    Map<String, List<Map<String, @Nullable Object>>> all = new LinkedHashMap<>();
    all.put(FIREHOSE, firehoseRecords());
    all.put(S3, s3Records());
    all.put(KINESIS, kinesisRecords());
    if (aggregatedStream != null) {
      all.put(KINESIS_AGGREGATED, kinesisRecords(aggregatedStream));
    }
    return all;
  }

  private static String withoutNewline(String line) {
    if (!line.endsWith("\n") || line.indexOf('\n') != line.length() - 1) {
      throw new AssertionError("a Firehose record is not one line ending in a newline: " + line);
    }
    return line.substring(0, line.length() - 1);
  }

  @Override
  public void close() throws IOException {
    firehose.close();
  }
}
