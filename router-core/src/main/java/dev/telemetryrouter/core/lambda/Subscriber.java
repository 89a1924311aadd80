package dev.telemetryrouter.core.lambda;

import dev.telemetryrouter.core.config.ExtensionSettings;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Subscribes the intake listener to the Telemetry API or, by configuration, the Logs API (Lambda
 * Telemetry API reference,
 * https://docs.aws.amazon.com/lambda/latest/dg/telemetry-api-reference.html; Lambda Logs API,
 * https://docs.aws.amazon.com/lambda/latest/dg/runtimes-logs-api.html), with all three buffering
 * values sent explicitly so the platform's defaults (which its own docs disagree on) never apply.
 */
final class Subscriber {

  private static final System.Logger log = System.getLogger(Subscriber.class.getName());

  /**
   * The URL path stays 2022-07-01 whatever schema is asked for (Telemetry API reference, above).
   */
  static final String TELEMETRY_PATH = "/2022-07-01/telemetry";

  static final String LOGS_PATH = "/2020-08-15/logs";

  /**
   * The Telemetry API schema AWS recommends for new extensions (Lambda Telemetry API,
   * https://docs.aws.amazon.com/lambda/latest/dg/telemetry-api.html).
   */
  static final String SCHEMA_LATEST = "2025-01-29";

  /** Where 2025-01-29 is refused: JSON logs still arrive as objects from this version on. */
  static final String SCHEMA_FALLBACK = "2022-12-13";

  /** How the subscription ended. */
  enum Outcome {
    /** 200: deliveries will come. */
    SUBSCRIBED,
    /** 202 NotSupported (AWS's own emulator, SAM local): nothing will be delivered. */
    NOT_SUPPORTED
  }

  private final ExtensionsApiClient client;

  Subscriber(ExtensionsApiClient client) {
    this.client = client;
  }

  /**
   * Subscribes {@code uri}.
   *
   * @throws ExtensionsApiException when the platform refused the subscription
   */
  Outcome subscribe(ExtensionSettings settings, String uri)
      throws IOException, InterruptedException {
    if (settings.api() == ExtensionSettings.Api.LOGS) {
      return outcome("Logs API", client.subscribe(LOGS_PATH, logsBody(settings, uri)));
    }
    String schema = settings.schemaVersion();
    LoopbackHttp.Response response =
        client.subscribe(TELEMETRY_PATH, telemetryBody(settings, uri, schema));
    if (refusedSchema(response) && schema.equals(SCHEMA_LATEST)) {
      log.log(
          Level.WARNING,
          "Telemetry API refused schema {0} (HTTP {1}); subscribing with {2}",
          schema,
          response.status(),
          SCHEMA_FALLBACK);
      schema = SCHEMA_FALLBACK;
      response = client.subscribe(TELEMETRY_PATH, telemetryBody(settings, uri, schema));
    }
    return outcome("Telemetry API schema " + schema, response);
  }

  /**
   * A validation refusal (400, or a body naming a validation error). 403 means the id is wrong or
   * Init is over, which another schema would not fix.
   */
  private static boolean refusedSchema(LoopbackHttp.Response response) {
    int status = response.status();
    return status == 400
        || status == 422
        || (status >= 400
            && status < 500
            && status != 403
            && response.body().contains("Validation"));
  }

  private static Outcome outcome(String api, LoopbackHttp.Response response)
      throws ExtensionsApiException {
    int status = response.status();
    if (status == 200) {
      log.log(Level.INFO, "subscribed to the {0}", api);
      return Outcome.SUBSCRIBED;
    }
    if (status == 202) {
      log.log(
          Level.WARNING,
          "{0} subscription not supported here ({1}); the extension runs without telemetry",
          api,
          response.body());
      return Outcome.NOT_SUPPORTED;
    }
    throw new ExtensionsApiException(api + " subscription", status, response.body());
  }

  static String telemetryBody(ExtensionSettings settings, String uri, String schema) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("schemaVersion", schema);
    body.put("types", settings.types());
    body.put("buffering", buffering(settings));
    body.put("destination", Map.of("protocol", "HTTP", "URI", uri));
    return Json.write(body);
  }

  static String logsBody(ExtensionSettings settings, String uri) {
    Map<String, Object> destination = new LinkedHashMap<>();
    destination.put("protocol", "HTTP");
    destination.put("URI", uri);
    destination.put("method", "POST");
    destination.put("encoding", "JSON");

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("schemaVersion", settings.schemaVersion());
    body.put("types", settings.types());
    body.put("buffering", buffering(settings));
    body.put("destination", destination);
    return Json.write(body);
  }

  private static Map<String, Object> buffering(ExtensionSettings settings) {
    Map<String, Object> buffering = new LinkedHashMap<>();
    buffering.put("maxItems", settings.buffering().maxItems());
    buffering.put("maxBytes", settings.buffering().maxBytes());
    buffering.put("timeoutMs", Math.toIntExact(settings.buffering().timeout().toMillis()));
    return buffering;
  }

  /** The destination URI for a listener on {@code port}; Lambda resolves the host itself. */
  static String destination(int port) {
    return "http://" + IntakeListener.SANDBOX_HOST + ":" + port + "/";
  }
}
