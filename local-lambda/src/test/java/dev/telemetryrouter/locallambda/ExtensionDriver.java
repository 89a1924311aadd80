package dev.telemetryrouter.locallambda;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The test playing an extension through the HTTP APIs. The layer's port-reporter file never
 * registers; it only writes the API address, and the test registers under its file name.
 */
final class ExtensionDriver implements AutoCloseable {

  record Reply(int status, String body, Map<String, java.util.List<String>> headers) {
    String errorType() {
      Object type = Json.asObject(Json.parse(body)).get("errorType");
      return String.valueOf(type);
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
  private final String base;
  String id = "";

  ExtensionDriver(String runtimeApi) {
    this.base = "http://" + runtimeApi;
  }

  /** Waits (bounded) for the port file the port-reporter extension writes. */
  static ExtensionDriver awaitPortFile(Path file) throws Exception {
    for (int i = 0; i < 200 && !Files.exists(file); i++) {
      Thread.sleep(50);
    }
    return new ExtensionDriver(Files.readString(file).strip());
  }

  Reply register(String name, String body) throws Exception {
    return register(name, body, Map.of());
  }

  Reply register(String name, String body, Map<String, String> extraHeaders) throws Exception {
    HttpRequest.Builder request =
        request("/2020-01-01/extension/register")
            .header(ExtensionsApi.NAME_HEADER, name)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    extraHeaders.forEach(request::header);
    Reply reply = send(request);
    reply.headers().getOrDefault("lambda-extension-identifier", java.util.List.of()).stream()
        .findFirst()
        .ifPresent(value -> id = value);
    return reply;
  }

  Reply subscribe(String path, String body) throws Exception {
    return send(
        request(path)
            .header(ExtensionsApi.ID_HEADER, id)
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  Reply error(String kind, String errorType, String body) throws Exception {
    HttpRequest.Builder request =
        request("/2020-01-01/extension/" + kind + "/error")
            .header(ExtensionsApi.ID_HEADER, id)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (!errorType.isEmpty()) {
      request.header(ExtensionsApi.ERROR_TYPE_HEADER, errorType);
    }
    return send(request);
  }

  /** Calls /event/next in the background; it blocks until the next event. */
  CompletableFuture<Reply> next() {
    HttpRequest request =
        request("/2020-01-01/extension/event/next")
            .header(ExtensionsApi.ID_HEADER, id)
            .GET()
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(r -> new Reply(r.statusCode(), r.body(), r.headers().map()));
  }

  /** Answers every event with the next /next, in the background, until SHUTDOWN or an error. */
  void loop() {
    Thread.ofVirtual()
        .start(
            () -> {
              while (true) {
                Reply reply = next().join();
                if (reply.status() != 200 || reply.body().contains("SHUTDOWN")) {
                  return;
                }
              }
            });
  }

  Reply nextWithId(String anyId) throws Exception {
    return send(request("/2020-01-01/extension/event/next").header(ExtensionsApi.ID_HEADER, anyId));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
  }

  private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.body(), response.headers().map());
  }

  @Override
  public void close() {
    http.shutdownNow();
  }
}
