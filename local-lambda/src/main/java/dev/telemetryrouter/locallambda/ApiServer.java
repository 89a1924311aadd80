package dev.telemetryrouter.locallambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the Extensions, Telemetry and Logs APIs on 127.0.0.1 at a free port. Each request runs on
 * its own virtual thread, because {@code /event/next} blocks until the next event.
 */
final class ApiServer {

  private static final System.Logger log = System.getLogger(ApiServer.class.getName());
  private static final String EXTENSION = "/2020-01-01/extension/";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final ExtensionsApi extensions;
  private final SubscriptionApi subscriptions;

  ApiServer(Sandbox sandbox) {
    this.extensions = new ExtensionsApi(sandbox);
    this.subscriptions = new SubscriptionApi(sandbox);
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the Lambda API port on 127.0.0.1", e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  int start() {
    server.start();
    return server.getAddress().getPort();
  }

  void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      try {
        reply(exchange, route(exchange, body));
      } catch (ApiError e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("errorMessage", e.getMessage());
        error.put("errorType", e.errorType);
        log.log(
            Level.DEBUG,
            "{0} {1} refused: {2}",
            exchange.getRequestMethod(),
            exchange.getRequestURI(),
            e.errorType);
        reply(exchange, ApiReply.json(e.status, Json.write(error)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        reply(
            exchange,
            ApiReply.json(
                500, "{\"errorMessage\":\"stopping\",\"errorType\":" + "\"ServiceError\"}"));
      }
    }
  }

  private ApiReply route(HttpExchange exchange, String body) throws ApiError, InterruptedException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    var headers = exchange.getRequestHeaders();
    String id = headers.getFirst(ExtensionsApi.ID_HEADER);
    return switch (method + " " + path) {
      case "POST " + EXTENSION + "register" ->
          extensions.register(
              headers.getFirst(ExtensionsApi.NAME_HEADER),
              headers.getFirst(ExtensionsApi.FEATURE_HEADER),
              body);
      case "GET " + EXTENSION + "event/next" -> extensions.next(id);
      case "POST " + EXTENSION + "init/error" ->
          extensions.error(true, id, headers.getFirst(ExtensionsApi.ERROR_TYPE_HEADER), body);
      case "POST " + EXTENSION + "exit/error" ->
          extensions.error(false, id, headers.getFirst(ExtensionsApi.ERROR_TYPE_HEADER), body);
      case "PUT /2022-07-01/telemetry" -> subscriptions.subscribe(Dialect.Api.TELEMETRY, id, body);
      case "PUT /2020-08-15/logs" -> subscriptions.subscribe(Dialect.Api.LOGS, id, body);
      default -> throw new ApiError(404, "NotFound", "No API at " + method + " " + path);
    };
  }

  private static void reply(HttpExchange exchange, ApiReply reply) throws IOException {
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }
}
