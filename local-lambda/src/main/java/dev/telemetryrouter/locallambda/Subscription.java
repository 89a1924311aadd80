package dev.telemetryrouter.locallambda;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A validated subscription request of the Telemetry or Logs API. {@link #parse} applies the
 * platform's rules (Lambda Telemetry API reference,
 * https://docs.aws.amazon.com/lambda/latest/dg/telemetry-api-reference.html; Lambda Logs API,
 * https://docs.aws.amazon.com/lambda/latest/dg/runtimes-logs-api.html) and collects every violation
 * in one message.
 */
record Subscription(
    Dialect dialect,
    List<String> types,
    int port,
    String path,
    String method,
    int maxItems,
    int maxBytes,
    int timeoutMs) {

  static final Set<String> TELEMETRY_SCHEMAS = Set.of("2022-07-01", "2022-12-13", "2025-01-29");
  static final Set<String> LOGS_SCHEMAS = Set.of("2020-08-15", "2021-03-18");
  private static final Set<String> TYPES = Set.of("platform", "function", "extension");
  private static final Set<String> SANDBOX_HOSTS =
      Set.of("sandbox.localdomain", "sandbox", "localhost", "127.0.0.1");

  // Buffering bounds and defaults: maxItems 1,000-10,000 (default 10,000), maxBytes 262,144 -
  // 1,048,576 (default 262,144), timeoutMs 25-30,000 (default 1,000), from the buffering table
  // of the Lambda Telemetry API page,
  // https://docs.aws.amazon.com/lambda/latest/dg/telemetry-api.html.
  static final int MIN_ITEMS = 1_000;
  static final int MAX_ITEMS = 10_000;
  static final int MIN_BYTES = 262_144;
  static final int MAX_BYTES = 1_048_576;
  static final int MIN_TIMEOUT_MS = 25;
  static final int MAX_TIMEOUT_MS = 30_000;

  /** Thrown with every problem of a request body, joined with "; " as the platform does. */
  static final class InvalidSubscription extends Exception {
    InvalidSubscription(String message) {
      super(message);
    }
  }

  /**
   * Validates a request body. {@code reservedPort} is the emulator's own port, which the platform
   * reserves the way it reserves 9001.
   */
  static Subscription parse(Dialect.Api api, String body, int reservedPort)
      throws InvalidSubscription {
    Map<String, Object> json;
    try {
      json = Json.asObject(Json.parse(body));
    } catch (IllegalArgumentException e) {
      throw new InvalidSubscription("the body is not valid JSON: " + e.getMessage());
    }
    if (json == null) {
      throw new InvalidSubscription("the body must be a JSON object");
    }
    List<String> problems = new ArrayList<>();
    String schema = schemaVersion(api, json.get("schemaVersion"), problems);
    List<String> types = types(json.get("types"), problems);
    Destination destination = destination(json.get("destination"), reservedPort, problems);
    Map<String, Object> buffering = Json.asObject(json.get("buffering"));
    if (json.containsKey("buffering") && buffering == null) {
      problems.add("buffering must be an object");
    }
    int maxItems = bounded(buffering, "maxItems", MIN_ITEMS, MAX_ITEMS, MAX_ITEMS, problems);
    int maxBytes = bounded(buffering, "maxBytes", MIN_BYTES, MAX_BYTES, MIN_BYTES, problems);
    int timeoutMs = bounded(buffering, "timeoutMs", MIN_TIMEOUT_MS, MAX_TIMEOUT_MS, 1000, problems);
    if (!problems.isEmpty()) {
      throw new InvalidSubscription(String.join("; ", problems));
    }
    return new Subscription(
        new Dialect(api, schema),
        types,
        destination.port,
        destination.path,
        destination.method,
        maxItems,
        maxBytes,
        timeoutMs);
  }

  private static String schemaVersion(Dialect.Api api, @Nullable Object value, List<String> out) {
    Set<String> allowed = api == Dialect.Api.TELEMETRY ? TELEMETRY_SCHEMAS : LOGS_SCHEMAS;
    if (value == null && api == Dialect.Api.LOGS) {
      return "2020-08-15";
    }
    if (value instanceof String s && allowed.contains(s)) {
      return s;
    }
    out.add(
        "schemaVersion "
            + (value == null ? "is missing" : "'" + value + "' is not supported")
            + "; use one of "
            + allowed.stream().sorted().toList());
    return "";
  }

  private static List<String> types(@Nullable Object value, List<String> out) {
    if (!(value instanceof List<?> list) || list.isEmpty()) {
      out.add("types should not be empty");
      return List.of();
    }
    List<String> types = new ArrayList<>();
    for (Object item : list) {
      if (item instanceof String s && TYPES.contains(s)) {
        types.add(s);
      } else {
        out.add("type '" + item + "' is not one of platform, function, extension");
      }
    }
    return List.copyOf(types);
  }

  private record Destination(int port, String path, String method) {}

  private static Destination destination(@Nullable Object value, int reserved, List<String> out) {
    Map<String, Object> dest = Json.asObject(value);
    if (dest == null) {
      out.add("destination is missing");
      return new Destination(0, "", "POST");
    }
    Object protocol = dest.get("protocol");
    if (!"HTTP".equals(protocol)) {
      out.add(
          "destination.protocol '"
              + protocol
              + "' is not supported; use HTTP (this emulator"
              + " does not implement TCP destinations)");
    }
    String method = String.valueOf(dest.getOrDefault("method", "POST")).toUpperCase(Locale.ROOT);
    if (!method.equals("POST") && !method.equals("PUT")) {
      out.add("destination.method '" + method + "' is not supported; use POST or PUT");
    }
    URI uri;
    try {
      uri = URI.create(String.valueOf(dest.get("URI")));
    } catch (IllegalArgumentException e) {
      out.add("destination.URI is not a valid URI: " + e.getMessage());
      return new Destination(0, "", method);
    }
    if (!"http".equals(uri.getScheme()) || !SANDBOX_HOSTS.contains(uri.getHost())) {
      out.add("destination.URI '" + uri + "' must be http://sandbox.localdomain:PORT/PATH");
    }
    int port = uri.getPort();
    if (port <= 0) {
      out.add("URI port is not provided");
    } else if (port == 9001 || port == reserved) {
      out.add("URI port " + port + " is reserved for the Lambda APIs; choose another port");
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    return new Destination(port, path + query, method);
  }

  private static int bounded(
      @Nullable Map<String, Object> buffering,
      String key,
      int min,
      int max,
      int fallback,
      List<String> out) {
    Object value = buffering == null ? null : buffering.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Long n && n >= min && n <= max) {
      return n.intValue();
    }
    out.add(
        "buffering."
            + key
            + " "
            + value
            + " is out of range; use an integer from "
            + min
            + " to "
            + max);
    return fallback;
  }
}
