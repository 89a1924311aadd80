package dev.telemetryrouter.locallambda.standins;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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

  private final Map<String, HttpServer> servers = new LinkedHashMap<>();
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
      sinks.serve("s3", (exchange, body) -> reply(exchange, 200, "application/xml", "", true));
      sinks.serve(
          "http", (exchange, body) -> reply(exchange, 200, "application/json", "{}", false));
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
    HttpServer server = servers.get(service);
    if (server == null) {
      throw new IllegalArgumentException("no loopback service " + service);
    }
    return "http://127.0.0.1:" + server.getAddress().getPort();
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

  /** Answers one request whose body was read already. */
  private interface Handler {
    void handle(HttpExchange exchange, String body) throws IOException;
  }

  /** Kinesis records (aggregated ones count once) received in PutRecords requests so far. */
  public long kinesisRecords() {
    return kinesisRecords.get();
  }

  private void serve(String service, Handler handler) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    AtomicLong count = new AtomicLong();
    server.createContext(
        "/",
        exchange -> {
          count.incrementAndGet();
          handler.handle(exchange, readBody(exchange));
        });
    server.start();
    servers.put(service, server);
    requests.put(service, count);
  }

  private void firehose(HttpExchange exchange, String body) throws IOException {
    int records = occurrences(body, "\"Data\"");
    firehoseRecords.addAndGet(records);

    StringBuilder answer = new StringBuilder("{\"Encrypted\":false,\"FailedPutCount\":0,");
    answer.append("\"RequestResponses\":[");
    for (int i = 0; i < records; i++) {
      answer.append(i == 0 ? "" : ",").append("{\"RecordId\":\"r").append(i).append("\"}");
    }
    answer.append("]}");
    reply(exchange, 200, "application/x-amz-json-1.1", answer.toString(), false);
  }

  /**
   * Every Kinesis record carries a PartitionKey, a CBOR text key that the log lines of the training
   * and test functions never contain, so its occurrences count the records.
   */
  private void kinesis(HttpExchange exchange, String body) throws IOException {
    int records = occurrences(body, "PartitionKey");
    kinesisRecords.addAndGet(records);

    Cbor answer = new Cbor().map(2).text("FailedRecordCount").unsigned(0);
    answer.text("Records").array(records);
    for (int i = 0; i < records; i++) {
      answer.map(2).text("SequenceNumber").text(Integer.toString(i + 1));
      answer.text("ShardId").text("shardId-000000000000");
    }
    try (exchange) {
      byte[] bytes = answer.bytes();
      exchange.getResponseHeaders().set("Content-Type", "application/x-amz-cbor-1.1");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  private static String readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private static int occurrences(String text, String needle) {
    int count = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      count++;
    }
    return count;
  }

  private static void reply(
      HttpExchange exchange, int status, String contentType, String body, boolean etag)
      throws IOException {
    try (exchange) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", contentType);
      if (etag) {
        exchange.getResponseHeaders().set("ETag", "\"0123456789abcdef\"");
      }
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
    }
  }

  @Override
  public void close() {
    servers.values().forEach(server -> server.stop(0));
  }
}
