package dev.telemetryrouter.core.lambda;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Extensions API ({@code 2020-01-01}) and the subscription calls of the Telemetry and Logs
 * APIs, all on {@code http://${AWS_LAMBDA_RUNTIME_API}} (lambda-platform.md §1.1, §1.2).
 *
 * <p>{@link #next()} blocks until the platform has an event and carries no timeout: the process is
 * frozen while it waits, and a timeout would fire spuriously on thaw (§1.2). Call it from one
 * dedicated thread.
 */
final class ExtensionsApiClient {

  static final String NAME_HEADER = "Lambda-Extension-Name";
  static final String ID_HEADER = "Lambda-Extension-Identifier";
  static final String FEATURE_HEADER = "Lambda-Extension-Accept-Feature";
  static final String ERROR_TYPE_HEADER = "Lambda-Extension-Function-Error-Type";

  /** Bounds every call but {@code /next}; the platform answers these at once. */
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient http;
  private final String base;
  private @Nullable String extensionId;

  ExtensionsApiClient(HttpClient http, String runtimeApi) {
    this.http = http;
    this.base = "http://" + runtimeApi;
  }

  /** An HTTP/1.1 client: the platform's API server speaks nothing else (no h2c upgrade). */
  static HttpClient newHttpClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(CALL_TIMEOUT)
        .build();
  }

  /**
   * Registers for INVOKE and SHUTDOWN under {@code name}, which must be the file name of the
   * launcher Lambda started from {@code /opt/extensions} (§1.3), asking for the account id.
   */
  RegisterResponse register(String name) throws IOException, InterruptedException {
    HttpRequest request =
        request("/2020-01-01/extension/register")
            .header(NAME_HEADER, name)
            .header(FEATURE_HEADER, "accountId")
            .POST(body("{\"events\":[\"INVOKE\",\"SHUTDOWN\"]}"))
            .build();
    HttpResponse<String> response = send(request);
    expect("register", response, 200);

    String id = response.headers().firstValue(ID_HEADER).orElse("");
    if (id.isEmpty()) {
      throw new IOException("register answered without a " + ID_HEADER + " header");
    }
    extensionId = id;
    Map<String, @Nullable Object> body = objectOrEmpty(response.body());
    return new RegisterResponse(
        id, text(body, "functionName"), text(body, "functionVersion"), textOrNull(body));
  }

  /** Blocks until the next lifecycle event; no timeout (see the class note). */
  LifecycleEvent next() throws IOException, InterruptedException {
    HttpRequest request = withId(request("/2020-01-01/extension/event/next")).GET().build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    expect("event/next", response, 200);

    Map<String, @Nullable Object> event = objectOrEmpty(response.body());
    String type = text(event, "eventType");
    Instant deadline = Instant.ofEpochMilli(millis(event.get("deadlineMs")));
    return switch (type) {
      case "INVOKE" -> new LifecycleEvent.Invoke(text(event, "requestId"), deadline);
      case "SHUTDOWN" -> new LifecycleEvent.Shutdown(text(event, "shutdownReason"), deadline);
      default -> new LifecycleEvent.Other(type);
    };
  }

  /** Reports a failed initialisation; afterwards every API call fails and the process must exit. */
  void initError(String errorType, String message, @Nullable Throwable cause)
      throws IOException, InterruptedException {
    reportError("/2020-01-01/extension/init/error", errorType, message, cause);
  }

  /** Reports a fatal error after Init; afterwards the process must exit. */
  void exitError(String errorType, String message, @Nullable Throwable cause)
      throws IOException, InterruptedException {
    reportError("/2020-01-01/extension/exit/error", errorType, message, cause);
  }

  /** A subscription PUT with this extension's identifier; returns the status and body as given. */
  HttpResponse<String> subscribe(String path, String json)
      throws IOException, InterruptedException {
    HttpRequest request =
        withId(request(path)).header("Content-Type", "application/json").PUT(body(json)).build();
    return send(request);
  }

  private void reportError(String path, String errorType, String message, @Nullable Throwable cause)
      throws IOException, InterruptedException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("errorMessage", message);
    body.put("errorType", errorType);
    body.put("stackTrace", stackTrace(cause));
    HttpRequest request =
        withId(request(path))
            .header(ERROR_TYPE_HEADER, errorType)
            .header("Content-Type", "application/json")
            .POST(body(Json.write(body)))
            .build();
    expect(path, send(request), 202);
  }

  private static List<String> stackTrace(@Nullable Throwable cause) {
    if (cause == null) {
      return List.of();
    }
    return Arrays.stream(cause.getStackTrace()).limit(20).map(String::valueOf).toList();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path));
  }

  private HttpRequest.Builder withId(HttpRequest.Builder builder) {
    if (extensionId == null) {
      throw new IllegalStateException("register first: the platform needs " + ID_HEADER);
    }
    return builder.header(ID_HEADER, extensionId);
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    HttpRequest bounded =
        HttpRequest.newBuilder(request, (name, value) -> true).timeout(CALL_TIMEOUT).build();
    return http.send(bounded, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.BodyPublisher body(String json) {
    return HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
  }

  private static void expect(String call, HttpResponse<String> response, int status)
      throws ExtensionsApiException {
    if (response.statusCode() != status) {
      throw new ExtensionsApiException(call, response.statusCode(), response.body());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> objectOrEmpty(String body) throws IOException {
    Object value = body.isBlank() ? null : Json.parse(body);
    return value instanceof Map<?, ?> map ? (Map<String, @Nullable Object>) map : Map.of();
  }

  private static String text(Map<String, @Nullable Object> object, String key) {
    return object.get(key) instanceof String value ? value : "";
  }

  private static @Nullable String textOrNull(Map<String, @Nullable Object> object) {
    String value = text(object, "accountId");
    return value.isEmpty() ? null : value;
  }

  private static long millis(@Nullable Object value) {
    return value instanceof BigDecimal number ? number.longValue() : 0L;
  }
}
