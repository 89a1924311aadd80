package dev.telemetryrouter.sink.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telemetryrouter.sink.aws.LoopbackHttpServer;
import dev.telemetryrouter.sink.aws.LoopbackHttpServer.Reply;
import dev.telemetryrouter.sink.aws.LoopbackHttpServer.Request;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Firehose endpoint on 127.0.0.1 that speaks the JSON 1.1 protocol of PutRecordBatch, stores the
 * records it accepts, enforces the API limits (500 records, 4 MiB, 1,000 KiB per record) and can be
 * scripted to fail the next requests. The SDK makes no other call for PutRecordBatch. Public, and
 * shipped in this module's test jar, for the end-to-end tests.
 */
public final class FakeFirehose implements AutoCloseable {

  public static final String TARGET = "Firehose_20150804.PutRecordBatch";

  /** What to do with one of the next requests; requests past the script are accepted. */
  public sealed interface Step {}

  /** Accept all records but those at {@code indices}, which fail with {@code errorCode}. */
  public record FailRecords(Set<Integer> indices, String errorCode) implements Step {}

  /** Refuse the whole request with an AWS error. */
  public record Fail(int status, String errorType) implements Step {}

  /** A connection-level fault or a held answer. */
  public record Fault(Reply reply) implements Step {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String stream;
  private final LoopbackHttpServer server;
  private final List<byte[]> stored = Collections.synchronizedList(new ArrayList<>());
  private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
  private final List<String> refusals = Collections.synchronizedList(new ArrayList<>());
  private final ConcurrentLinkedDeque<Step> script = new ConcurrentLinkedDeque<>();
  private final AtomicLong nextRecordId = new AtomicLong();

  private FakeFirehose(String stream) throws IOException {
    this.stream = stream;
    this.server = LoopbackHttpServer.start(this::handle);
  }

  /** Starts a fake holding one stream named {@code stream}. */
  public static FakeFirehose start(String stream) throws IOException {
    return new FakeFirehose(stream);
  }

  public String url() {
    return server.url();
  }

  public LoopbackHttpServer server() {
    return server;
  }

  /** Adds steps for the next requests, in order. */
  public void then(Step... steps) {
    script.addAll(List.of(steps));
  }

  /** Drops the steps not used yet, so the next requests are accepted (the stream recovered). */
  public void clearScript() {
    script.clear();
  }

  /** Record data as stored, delimiter included, in arrival order. */
  public List<byte[]> stored() {
    return List.copyOf(stored);
  }

  /** Every request body received, as text, in arrival order. */
  public List<String> bodies() {
    return List.copyOf(bodies);
  }

  /** Why requests were refused for breaking an API limit, in arrival order. */
  public List<String> limitRefusals() {
    return List.copyOf(refusals);
  }

  private Reply handle(Request request) {
    bodies.add(new String(request.body(), java.nio.charset.StandardCharsets.UTF_8));
    if (!request.method().equals("POST") || !request.header("x-amz-target").equals(TARGET)) {
      return error(400, "UnknownOperationException", "only PutRecordBatch is served");
    }
    if (!request.header("authorization").startsWith("AWS4-HMAC-SHA256 Credential=")) {
      return error(403, "MissingAuthenticationTokenException", "the request is not signed");
    }
    JsonNode body = parse(request.body());
    if (!body.path("DeliveryStreamName").asText().equals(stream)) {
      return error(
          400, "ResourceNotFoundException", "no stream " + body.path("DeliveryStreamName"));
    }

    List<byte[]> records = new ArrayList<>();
    Base64.Decoder base64 = Base64.getDecoder();
    body.path("Records").forEach(r -> records.add(base64.decode(r.path("Data").asText())));
    String overLimit = FirehoseApiLimits.violation(records);
    if (overLimit != null) {
      refusals.add(overLimit);
      return error(400, "InvalidArgumentException", overLimit);
    }

    Step step = script.poll();
    return switch (step) {
      case null -> accept(records, Set.of(), "");
      case FailRecords fail -> accept(records, fail.indices(), fail.errorCode());
      case Fail fail -> error(fail.status(), fail.errorType(), "scripted failure");
      case Fault fault -> fault.reply();
    };
  }

  private Reply accept(List<byte[]> records, Set<Integer> failed, String errorCode) {
    ObjectNode answer = JSON.createObjectNode().put("Encrypted", false);
    ArrayNode responses = answer.putArray("RequestResponses");
    for (int i = 0; i < records.size(); i++) {
      if (failed.contains(i)) {
        responses.addObject().put("ErrorCode", errorCode).put("ErrorMessage", "scripted failure");
      } else {
        stored.add(records.get(i));
        responses.addObject().put("RecordId", "record-" + nextRecordId.incrementAndGet());
      }
    }
    answer.put("FailedPutCount", failed.size());
    return Reply.json(200, answer.toString());
  }

  private static Reply error(int status, String type, String message) {
    ObjectNode body = JSON.createObjectNode().put("__type", type).put("message", message);
    return Reply.json(status, body.toString());
  }

  private static JsonNode parse(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
