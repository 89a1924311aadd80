package dev.telemetryrouter.core.lambda;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Extensions API ({@code 2020-01-01}) and the subscription calls of the Telemetry and Logs
 * APIs, all on {@code http://${AWS_LAMBDA_RUNTIME_API}} (Lambda Extensions API,
 * https://docs.aws.amazon.com/lambda/latest/dg/runtimes-extensions-api.html), over {@link
 * LoopbackHttp} so that registering loads no TLS and no {@code java.net.http}.
 *
 * <p>{@link #next()} blocks until the platform has an event and carries no timeout: the process is
 * frozen while it waits, and a timeout would fire spuriously on thaw (same page). Call it from one
 * dedicated thread.
 */
final class ExtensionsApiClient {

  static final String NAME_HEADER = "Lambda-Extension-Name";
  static final String ID_HEADER = "Lambda-Extension-Identifier";
  static final String FEATURE_HEADER = "Lambda-Extension-Accept-Feature";
  static final String ERROR_TYPE_HEADER = "Lambda-Extension-Function-Error-Type";
  private static final String CONTENT_TYPE = "Content-Type";
  private static final String JSON = "application/json";

  /** Bounds every call but {@code /next}; the platform answers these at once. */
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

  private static final String REGISTER_BODY = "{\"events\":[\"INVOKE\",\"SHUTDOWN\"]}";

  private final LoopbackHttp http;
  private @Nullable String extensionId;

  ExtensionsApiClient(String runtimeApi) {
    this.http = new LoopbackHttp(runtimeApi);
  }

  /**
   * Registers for INVOKE and SHUTDOWN under {@code name}, which must be the file name of the
   * launcher Lambda started from {@code /opt/extensions} (Lambda Extensions API, "Init phase"),
   * asking for the account id.
   */
  RegisterResponse register(String name) throws IOException, InterruptedException {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(NAME_HEADER, name);
    headers.put(FEATURE_HEADER, "accountId");
    headers.put(CONTENT_TYPE, JSON);
    LoopbackHttp.Response response =
        send("POST", "/2020-01-01/extension/register", headers, REGISTER_BODY, CALL_TIMEOUT);
    expect("register", response, 200);

    String id = response.header(ID_HEADER);
    if (id.isEmpty()) {
      throw new IOException("register answered without a " + ID_HEADER + " header");
    }
    extensionId = id;
    Map<String, String> body = registerBody(response.body());
    String accountId = body.getOrDefault("accountId", "");
    return new RegisterResponse(
        id,
        body.getOrDefault("functionName", ""),
        body.getOrDefault("functionVersion", ""),
        accountId.isEmpty() ? null : accountId);
  }

  /**
   * The register response's string members, read by {@link FlatJson} so that registering starts no
   * Jackson parser (see there); a body that is not an object is read as before, as no members.
   */
  private static Map<String, String> registerBody(String body) throws IOException {
    if (body.strip().startsWith("{")) {
      return FlatJson.topLevelStrings(body);
    }
    Map<String, String> strings = new LinkedHashMap<>();
    objectOrEmpty(body)
        .forEach(
            (name, value) -> {
              if (value instanceof String text) {
                strings.put(name, text);
              }
            });
    return strings;
  }

  /** Blocks until the next lifecycle event; no timeout (see the class note). */
  LifecycleEvent next() throws IOException, InterruptedException {
    LoopbackHttp.Response response =
        send("GET", "/2020-01-01/extension/event/next", withId(Map.of()), null, Duration.ZERO);
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
  LoopbackHttp.Response subscribe(String path, String json)
      throws IOException, InterruptedException {
    return send("PUT", path, withId(Map.of(CONTENT_TYPE, JSON)), json, CALL_TIMEOUT);
  }

  private void reportError(String path, String errorType, String message, @Nullable Throwable cause)
      throws IOException, InterruptedException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("errorMessage", message);
    body.put("errorType", errorType);
    body.put("stackTrace", stackTrace(cause));
    Map<String, String> headers = withId(Map.of(ERROR_TYPE_HEADER, errorType, CONTENT_TYPE, JSON));
    expect(path, send("POST", path, headers, Json.write(body), CALL_TIMEOUT), 202);
  }

  private static List<String> stackTrace(@Nullable Throwable cause) {
    if (cause == null) {
      return List.of();
    }
    return Arrays.stream(cause.getStackTrace()).limit(20).map(String::valueOf).toList();
  }

  private Map<String, String> withId(Map<String, String> headers) {
    if (extensionId == null) {
      throw new IllegalStateException("register first: the platform needs " + ID_HEADER);
    }
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put(ID_HEADER, extensionId);
    return all;
  }

  private LoopbackHttp.Response send(
      String method,
      String path,
      Map<String, String> headers,
      @Nullable String body,
      Duration timeout)
      throws IOException, InterruptedException {
    // A socket read cannot be interrupted; honour an interrupt that came before the call at least.
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted before " + method + " " + path);
    }
    return http.exchange(method, path, headers, body, timeout);
  }

  private static void expect(String call, LoopbackHttp.Response response, int status)
      throws ExtensionsApiException {
    if (response.status() != status) {
      throw new ExtensionsApiException(call, response.status(), response.body());
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

  private static long millis(@Nullable Object value) {
    return value instanceof BigDecimal number ? number.longValue() : 0L;
  }
}
