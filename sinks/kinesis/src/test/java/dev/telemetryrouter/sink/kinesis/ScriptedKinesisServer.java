package dev.telemetryrouter.sink.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A loopback server that speaks enough of the Kinesis protocol for PutRecords, in the SDK's default
 * CBOR, and fails on demand: per-record errors at given indices, whole-call errors with a status
 * and an error code, connections cut without an answer. It stores what it accepts.
 *
 * <p>A plain socket server rather than the JDK's HttpServer, so that a scripted reset really resets
 * the TCP connection (linger 0) as a connection that died in a freeze would.
 */
final class ScriptedKinesisServer implements AutoCloseable {

  /** One accepted Kinesis record. */
  record Stored(String partitionKey, byte[] data) {}

  /** One request as received: its partition keys and data, in order. */
  record Request(List<Stored> records) {}

  private sealed interface Action {}

  private record FailRecords(Set<Integer> indices, String errorCode) implements Action {}

  private record FailCall(int status, String fixture) implements Action {}

  private record Reset() implements Action {}

  private static final ObjectMapper CBOR = new CBORMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ServerSocket socket;
  private final Thread acceptor;
  private final Deque<Action> script = new ArrayDeque<>();
  private final List<Stored> stored = new ArrayList<>();
  private final List<Request> requests = new ArrayList<>();
  private long sequence = 1_000;

  ScriptedKinesisServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = Thread.ofVirtual().name("scripted-kinesis").start(this::acceptLoop);
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort());
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
    script.add(new Reset());
  }

  synchronized List<Stored> stored() {
    return List.copyOf(stored);
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        Thread.ofVirtual().start(() -> serve(connection));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      InputStream in = new BufferedInputStream(connection.getInputStream());
      OutputStream out = connection.getOutputStream();
      while (true) {
        Map<String, String> headers = new HashMap<>();
        if (!readHead(in, headers)) {
          return;
        }
        byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        Action action = nextAction();
        if (action instanceof Reset) {
          connection.setSoLinger(true, 0);
          return;
        }
        answer(out, headers, body, action);
      }
    } catch (IOException e) {
      // The client went away; nothing to answer.
    }
  }

  private synchronized Action nextAction() {
    return script.poll();
  }

  private void answer(OutputStream out, Map<String, String> headers, byte[] body, Action action)
      throws IOException {
    String target = headers.getOrDefault("x-amz-target", "");
    if (action instanceof FailCall fail) {
      JsonNode error = JSON.readTree(Fixtures.text(fail.fixture()));
      write(out, fail.status(), error.path("__type").asText(), CBOR.writeValueAsBytes(error));
      return;
    }
    if (!target.endsWith(".PutRecords")) {
      ObjectNode error = JSON.createObjectNode().put("__type", "UnknownOperationException");
      write(out, 400, "UnknownOperationException", CBOR.writeValueAsBytes(error));
      return;
    }
    Set<Integer> failed = action instanceof FailRecords f ? f.indices() : Set.of();
    String code = action instanceof FailRecords f ? f.errorCode() : "";
    write(out, 200, null, CBOR.writeValueAsBytes(putRecords(CBOR.readTree(body), failed, code)));
  }

  private synchronized ObjectNode putRecords(JsonNode request, Set<Integer> failed, String code)
      throws IOException {
    ObjectNode response = JSON.createObjectNode().put("FailedRecordCount", failed.size());
    ArrayNode results = response.putArray("Records");
    List<Stored> received = new ArrayList<>();
    JsonNode records = request.path("Records");
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
    requests.add(new Request(List.copyOf(received)));
    return response;
  }

  private static boolean readHead(InputStream in, Map<String, String> headers) throws IOException {
    String requestLine = readLine(in);
    if (requestLine == null || requestLine.isEmpty()) {
      return false;
    }
    for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
    }
    return true;
  }

  private static @Nullable String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b >= 0; b = in.read()) {
      if (b == '\n') {
        return line.toString().stripTrailing();
      }
      line.append((char) b);
    }
    return line.isEmpty() ? null : line.toString();
  }

  private static void write(OutputStream out, int status, @Nullable String errorType, byte[] body)
      throws IOException {
    StringBuilder head = new StringBuilder();
    head.append("HTTP/1.1 ").append(status).append(status == 200 ? " OK" : " Error").append("\r\n");
    head.append("Content-Type: application/x-amz-cbor-1.1\r\n");
    head.append("Content-Length: ").append(body.length).append("\r\n");
    head.append("x-amzn-RequestId: scripted\r\n");
    if (errorType != null) {
      head.append("x-amzn-ErrorType: ").append(errorType).append("\r\n");
    }
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    try {
      acceptor.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
