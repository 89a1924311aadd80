package dev.telemetryrouter.e2e;

import dev.telemetryrouter.sink.firehose.FakeFirehose;
import dev.telemetryrouter.sink.kinesis.EmulatorStreams;
import dev.telemetryrouter.sink.kinesis.KinesisLocal;
import dev.telemetryrouter.sink.s3.S3Testing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One test's AWS destinations, all on 127.0.0.1: a fresh loopback Firehose, a fresh bucket in the
 * shared S3Mock, a fresh two-shard stream in the shared kinesis-local. Gives the {@code sinks:}
 * entries that point the extension at them (explicit endpoint and region on every sink, so no
 * client ever looks for a real AWS host), and reads back what each holds, as the records' JSON
 * objects.
 */
final class AwsDestinations implements AutoCloseable {

  static final String REGION = "eu-west-1";
  static final String FIREHOSE = "delivery";
  static final String S3 = "archive";
  static final String KINESIS = "stream";
  static final List<String> SINKS = List.of(FIREHOSE, S3, KINESIS);

  private static final String DELIVERY_STREAM = "e2e-logs";

  final FakeFirehose firehose;
  private final S3Client s3;
  private final String s3Endpoint;
  private final String bucket;
  private final EmulatorStreams streams;
  private final URI kinesisEndpoint;
  private final String stream;
  private final boolean aggregation;

  /**
   * @param aggregation whether the Kinesis sink packs records into KPL aggregates; read back
   *     de-aggregated either way
   */
  AwsDestinations(
      S3Client s3,
      String s3Endpoint,
      EmulatorStreams streams,
      URI kinesisEndpoint,
      boolean aggregation) {
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
    this.aggregation = aggregation;
    try {
      this.stream = streams.create(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating a stream", e);
    }
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
        + "  "
        + KINESIS
        + ":\n"
        + "    type: kinesis\n"
        + "    stream: "
        + stream
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
   * What a KCL consumer reads from the stream: every shard from its start, de-aggregated, shard by
   * shard in sequence order.
   */
  List<Map<String, @Nullable Object>> kinesisRecords() {
    return streams.readDeaggregated(stream).stream()
        .map(read -> StandardCharsets.UTF_8.decode(read.record().data()).toString())
        .map(JsonLines::parseObject)
        .toList();
  }

  /** The records of every sink, by sink name. */
  Map<String, List<Map<String, @Nullable Object>>> allRecords() {
    return Map.of(FIREHOSE, firehoseRecords(), S3, s3Records(), KINESIS, kinesisRecords());
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
