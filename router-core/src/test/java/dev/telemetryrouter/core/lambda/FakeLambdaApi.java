package dev.telemetryrouter.core.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the Lambda Extensions, Telemetry and Logs APIs on 127.0.0.1, recording every
 * request. Lifecycle events are queued by the test; each may carry an action run right after it was
 * served (such as posting a delivery to the extension's listener, as the platform would).
 */
final class FakeLambdaApi implements AutoCloseable {

  static final String EXTENSION_ID = "3f1e9a52-8c7d-4b1a-9e2f-0a1b2c3d4e5f";

  private static final String NEXT = "/2020-01-01/extension/event/next";

  record Request(String method, String path, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }
  }

  record Response(int status, String body) {}

  private record Step(int status, String event, Runnable afterServed) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Request> requests = new ArrayList<>();
  private final BlockingQueue<Step> events = new LinkedBlockingQueue<>();
  private final HttpClient client = HttpClient.newHttpClient();
  private volatile Function<Request, Response> subscriptions = request -> ok();
  private volatile int listenerPort = -1;
  private volatile boolean listenerUpAtSubscribe;

  FakeLambdaApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  static Response ok() {
    return new Response(200, "\"OK\"");
  }

  /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
  String runtimeApi() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  void answerSubscriptions(Function<Request, Response> answer) {
    subscriptions = answer;
  }

  void queueInvoke(String requestId, long deadlineMs, Runnable afterServed) {
    events.add(
        new Step(
            200,
            "{\"eventType\":\"INVOKE\",\"deadlineMs\":"
                + deadlineMs
                + ",\"requestId\":\""
                + requestId
                + "\",\"invokedFunctionArn\":"
                + "\"arn:aws:lambda:eu-west-1:123456789012:function:orders\"}",
            afterServed));
  }

  void queueShutdown(String reason, long deadlineMs, Runnable afterServed) {
    events.add(
        new Step(
            200,
            "{\"eventType\":\"SHUTDOWN\",\"shutdownReason\":\""
                + reason
                + "\",\"deadlineMs\":"
                + deadlineMs
                + "}",
            afterServed));
  }

  /** The next {@code /next} is answered with this status and body instead of an event. */
  void queueNextFailure(int status, String body) {
    events.add(new Step(status, body, () -> {}));
  }

  /**
   * Waits until {@code count} {@code /next} calls have arrived; false if the bound passed first.
   */
  synchronized boolean awaitNextCalls(int count, long boundMs) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(boundMs);
    while (requests.stream().filter(r -> r.path().equals(NEXT)).count() < count) {
      long left = until - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  List<String> paths() {
    return requests().stream().map(Request::path).toList();
  }

  boolean listenerUpAtSubscribe() {
    return listenerUpAtSubscribe;
  }

  /** Posts a delivery body to the extension's listener, as the platform does (method POST/PUT). */
  int deliver(String method, String body) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listenerPort + "/"))
              .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
              .header("Content-Type", "application/json")
              .build();
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Request request = record(exchange);
      Response response =
          switch (request.path()) {
            case "/2020-01-01/extension/register" -> {
              exchange.getResponseHeaders().add("Lambda-Extension-Identifier", EXTENSION_ID);
              yield new Response(
                  200,
                  "{\"functionName\":\"orders\",\"functionVersion\":\"$LATEST\","
                      + "\"handler\":\"index.handler\",\"accountId\":\"123456789012\"}");
            }
            case "/2022-07-01/telemetry", "/2020-08-15/logs" -> subscribe(request);
            case "/2020-01-01/extension/init/error", "/2020-01-01/extension/exit/error" ->
                new Response(202, "{\"status\":\"OK\"}");
            case "/2020-01-01/extension/event/next" -> next(exchange);
            default -> new Response(404, "{}");
          };
      if (response.status() < 0) {
        return; // already answered
      }
      byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private Response subscribe(Request request) {
    Matcher port = Pattern.compile("sandbox\\.localdomain:(\\d+)").matcher(request.body());
    if (port.find()) {
      listenerPort = Integer.parseInt(port.group(1));
      try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), listenerPort)) {
        listenerUpAtSubscribe = probe.isConnected();
      } catch (IOException e) {
        listenerUpAtSubscribe = false;
      }
    }
    return subscriptions.apply(request);
  }

  private Response next(HttpExchange exchange) throws IOException {
    Step step;
    try {
      step = events.poll(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Response(500, "{}");
    }
    if (step == null) {
      return new Response(500, "{\"errorType\":\"Test.NoMoreEvents\"}");
    }
    byte[] body = step.event().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(step.status(), body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
    step.afterServed().run();
    return new Response(-1, "");
  }

  private synchronized Request record(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new java.util.HashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Request request =
        new Request(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            Map.copyOf(headers),
            body);
    requests.add(request);
    notifyAll();
    return request;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    client.close();
  }
}
