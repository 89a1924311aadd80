package dev.telemetryrouter.sink.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import dev.telemetryrouter.sink.aws.LoopbackHttpServer;
import dev.telemetryrouter.sink.aws.LoopbackHttpServer.Answer;
import dev.telemetryrouter.sink.aws.LoopbackHttpServer.Reply;
import dev.telemetryrouter.sink.aws.LoopbackHttpServer.Request;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A loopback Kinesis for PutRecords on the shared {@link LoopbackHttpServer}, in the SDK's default
 * CBOR (so no JVM-wide switch to JSON is needed), that fails on demand: per-record errors at given
 * indices, whole-call errors with a status and an error body from a fixture, connections reset
 * without an answer. It stores what it accepts.
 */
final class ScriptedKinesisServer implements AutoCloseable {

  /** One Kinesis record as received. */
  record Stored(String partitionKey, byte[] data) {}

  /** One PutRecords request as received: its records, in order. */
  record Received(List<Stored> records) {}

  private sealed interface Action {}

  private record FailRecords(Set<Integer> indices, String errorCode) implements Action {}

  private record FailCall(int status, String fixture) implements Action {}

  private record ResetConnection() implements Action {}

  private static final ObjectMapper CBOR = new CBORMapper();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CBOR_TYPE = "application/x-amz-cbor-1.1";

  private final LoopbackHttpServer http;
  private final Deque<Action> script = new ArrayDeque<>();
  private final List<Stored> stored = new ArrayList<>();
  private final List<Received> requests = new ArrayList<>();
  private long sequence = 1_000;

  ScriptedKinesisServer() throws IOException {
    http = LoopbackHttpServer.start(this::handle);
  }

  URI endpoint() {
    return URI.create(http.url());
  }

  /** The next PutRecords answers 200 with the records at {@code indices} failed. */
  synchronized void failRecordsNext(Set<Integer> indices, String errorCode) {
    script.add(new FailRecords(indices, errorCode));
  }

  /** The next call answers {@code status} with the error body in {@code fixture}. */
  synchronized void failCallNext(int status, String fixture) {
    script.add(new FailCall(status, fixture));
  }

  /** The next call's connection is reset without an answer. */
  synchronized void resetNext() {
    script.add(new ResetConnection());
  }

  synchronized List<Stored> stored() {
    return List.copyOf(stored);
  }

  synchronized List<Received> requests() {
    return List.copyOf(requests);
  }

  private synchronized Reply handle(Request request) {
    try {
      Action action = script.poll();
      return switch (action) {
        case ResetConnection reset -> new LoopbackHttpServer.Reset();
        case FailCall fail -> error(fail.status(), JSON.readTree(Fixtures.text(fail.fixture())));
        case FailRecords fail -> putRecords(request, fail.indices(), fail.errorCode());
        case null -> putRecords(request, Set.of(), "");
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Reply putRecords(Request request, Set<Integer> failed, String code) throws IOException {
    if (!request.header("X-Amz-Target").endsWith(".PutRecords")) {
      return error(400, JSON.createObjectNode().put("__type", "UnknownOperationException"));
    }
    ObjectNode response = JSON.createObjectNode().put("FailedRecordCount", failed.size());
    ArrayNode results = response.putArray("Records");
    List<Stored> received = new ArrayList<>();
    JsonNode records = CBOR.readTree(request.body()).path("Records");
    for (int i = 0; i < records.size(); i++) {
      JsonNode record = records.get(i);
      Stored entry =
          new Stored(record.path("PartitionKey").asText(), record.path("Data").binaryValue());
      received.add(entry);
      if (failed.contains(i)) {
        results.addObject().put("ErrorCode", code).put("ErrorMessage", "scripted " + code);
      } else {
        stored.add(entry);
        results
            .addObject()
            .put("SequenceNumber", Long.toString(sequence++))
            .put("ShardId", "shardId-000000000000");
      }
    }
    requests.add(new Received(List.copyOf(received)));
    return new Answer(200, Map.of("Content-Type", CBOR_TYPE), CBOR.writeValueAsBytes(response));
  }

  private static Reply error(int status, JsonNode body) throws IOException {
    Map<String, String> headers =
        Map.of("Content-Type", CBOR_TYPE, "x-amzn-ErrorType", body.path("__type").asText());
    return new Answer(status, headers, CBOR.writeValueAsBytes(body));
  }

  @Override
  public void close() throws IOException {
    http.close();
  }
}
