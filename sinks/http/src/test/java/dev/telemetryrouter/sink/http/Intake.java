package dev.telemetryrouter.sink.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * A log intake for tests: a real HTTP server on 127.0.0.1 that answers scripted responses first,
 * then a default one, and keeps every request it read (bodies un-gzipped).
 */
final class Intake implements AutoCloseable {

  /** A request as the intake read it, and the status it answered. */
  record Received(Headers headers, String body, int status, int connection) {
    String header(String name) {
      String value = headers.get(name);
      return value == null ? "" : value;
    }
  }

  private final MockWebServer server = new MockWebServer();
  private final String scheme;
  private final Queue<Function<String, MockResponse>> script = new ConcurrentLinkedQueue<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile Function<String, MockResponse> fallback = body -> ok();

  Intake() throws IOException {
    this(null);
  }

  /** An intake that speaks TLS with {@code tls}, a server certificate the test made. */
  Intake(@Nullable SSLSocketFactory tls) throws IOException {
    this.scheme = tls == null ? "http" : "https";
    if (tls != null) {
      server.useHttps(tls);
    }
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String body = decode(request);
            Function<String, MockResponse> next = script.poll();
            MockResponse response = (next == null ? fallback : next).apply(body);
            // A response that breaks the connection first never reaches the client: status 0.
            int status = response.getOnResponseStart() == null ? response.getCode() : 0;
            received.add(
                new Received(request.getHeaders(), body, status, request.getConnectionIndex()));
            return response;
          }
        });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  static MockResponse ok() {
    return new MockResponse.Builder().code(200).body("{\"ok\":true}").build();
  }

  static MockResponse status(int code, String body) {
    return new MockResponse.Builder().code(code).body(body).build();
  }

  /** Answers the next request with {@code response}, then goes on with the script. */
  Intake then(MockResponse response) {
    script.add(body -> response);
    return this;
  }

  /** Drops the connection of the next request before any answer. */
  Intake thenReset() {
    MockResponse reset =
        new MockResponse.Builder()
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build();
    return then(reset);
  }

  /** Answers the next request with what {@code responder} makes of its body. */
  Intake then(Function<String, MockResponse> responder) {
    script.add(responder);
    return this;
  }

  /** What every request past the script gets. */
  Intake byDefault(Function<String, MockResponse> responder) {
    this.fallback = responder;
    return this;
  }

  /** The URL of {@code path}, by loopback address rather than a name that may resolve to ::1. */
  String url(String path) {
    return scheme + "://127.0.0.1:" + server.getPort() + path;
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  /** The bodies of requests answered 2xx, in arrival order. */
  List<String> acceptedBodies() {
    return received.stream().filter(r -> r.status() / 100 == 2).map(Received::body).toList();
  }

  private static String decode(RecordedRequest request) {
    byte[] bytes = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
    if (!"gzip".equals(request.getHeaders().get("Content-Encoding"))) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
