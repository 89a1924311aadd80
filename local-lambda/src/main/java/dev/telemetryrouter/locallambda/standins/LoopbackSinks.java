package dev.telemetryrouter.locallambda.standins;

import dev.telemetryrouter.locallambda.standins.LoopbackServer.Answer;
import dev.telemetryrouter.locallambda.standins.LoopbackServer.Request;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Services that answer every sink's request with success, each on its own 127.0.0.1 port: enough
 * for the sinks' full send path (client build, signing, request, response parsing) to run in the
 * layer's AOT training run, its packaged-layer tests and the start-up harness. They keep counts
 * only, never contents.
 *
 * <p>Firehose answers PutRecordBatch (JSON 1.1) with one RecordId per record sent; Kinesis answers
 * PutRecords in CBOR (the SDK's default for Kinesis) with one sequence number per record; S3
 * answers PutObject with an ETag; the HTTP intake answers 200 with an empty JSON object.
 */
public final class LoopbackSinks implements AutoCloseable {

  /** The services started, in the order {@link #urls()} lists them. */
  public static final List<String> SERVICES = List.of("firehose", "kinesis", "s3", "http");

  private final Map<String, LoopbackServer> servers = new LinkedHashMap<>();
  private final Map<String, AtomicLong> requests = new LinkedHashMap<>();
  private final AtomicLong firehoseRecords = new AtomicLong();
  private final AtomicLong kinesisRecords = new AtomicLong();

  private LoopbackSinks() {}

  /** Starts one server per service on an ephemeral loopback port. */
  public static LoopbackSinks start() throws IOException {
    LoopbackSinks sinks = new LoopbackSinks();
    try {
      sinks.serve("firehose", sinks::firehose);
      sinks.serve("kinesis", sinks::kinesis);
      sinks.serve(
          "s3",
          request ->
              new Answer(
                  200,
                  Map.of("Content-Type", "application/xml", "ETag", "\"0123456789abcdef\""),
                  new byte[0]));
      sinks.serve("http", request -> text("application/json", "{}"));
    } catch (IOException e) {
      sinks.close();
      throw e;
    }
    return sinks;
  }

  /**
   * The endpoint URL of a service: {@code firehose}, {@code kinesis}, {@code s3} or {@code http}.
   */
  public String url(String service) {
    LoopbackServer server = servers.get(service);
    if (server == null) {
      throw new IllegalArgumentException("no loopback service " + service);
    }
    return "http://127.0.0.1:" + server.port();
  }

  /** The endpoint URL of every service in {@link #SERVICES}, by service. */
  public Map<String, String> urls() {
    Map<String, String> urls = new LinkedHashMap<>();
    for (String service : SERVICES) {
      urls.put(service, url(service));
    }
    return urls;
  }

  /** Requests a service has answered so far. */
  public long requests(String service) {
    AtomicLong count = requests.get(service);
    return count == null ? 0 : count.get();
  }

  /** Records received in Firehose PutRecordBatch requests so far. */
  public long firehoseRecords() {
    return firehoseRecords.get();
  }

  /** Kinesis records (aggregated ones count once) received in PutRecords requests so far. */
  public long kinesisRecords() {
    return kinesisRecords.get();
  }

  private void serve(String service, LoopbackServer.Handler handler) throws IOException {
    AtomicLong count = new AtomicLong();
    LoopbackServer server =
        LoopbackServer.start(
            service,
            request -> {
              count.incrementAndGet();
              return handler.handle(request);
            });
    servers.put(service, server);
    requests.put(service, count);
  }

  private Answer firehose(Request request) {
    int records = occurrences(body(request), "\"Data\"");
    firehoseRecords.addAndGet(records);

    StringBuilder answer = new StringBuilder("{\"Encrypted\":false,\"FailedPutCount\":0,");
    answer.append("\"RequestResponses\":[");
    for (int i = 0; i < records; i++) {
      answer.append(i == 0 ? "" : ",").append("{\"RecordId\":\"r").append(i).append("\"}");
    }
    answer.append("]}");
    return text("application/x-amz-json-1.1", answer.toString());
  }

  /**
   * Every Kinesis record carries a PartitionKey, a CBOR text key that the log lines of the training
   * and test functions never contain, so its occurrences count the records.
   */
  private Answer kinesis(Request request) {
    int records = occurrences(body(request), "PartitionKey");
    kinesisRecords.addAndGet(records);

    Cbor answer = new Cbor().map(2).text("FailedRecordCount").unsigned(0);
    answer.text("Records").array(records);
    for (int i = 0; i < records; i++) {
      answer.map(2).text("SequenceNumber").text(Integer.toString(i + 1));
      answer.text("ShardId").text("shardId-000000000000");
    }
    return new Answer(200, Map.of("Content-Type", "application/x-amz-cbor-1.1"), answer.bytes());
  }

  private static String body(Request request) {
    return new String(request.body(), StandardCharsets.ISO_8859_1);
  }

  private static int occurrences(String text, String needle) {
    int count = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      count++;
    }
    return count;
  }

  private static Answer text(String contentType, String body) {
    return new Answer(
        200, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    servers.values().forEach(LoopbackServer::close);
  }
}
