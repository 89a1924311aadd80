package dev.telemetryrouter.locallambda;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Telemetry API ({@code PUT /2022-07-01/telemetry}) and the Logs API ({@code PUT
 * /2020-08-15/logs}): subscriptions are accepted only during Init, one API per extension, and a
 * repeated subscription to the same API is answered OK and changes nothing (Lambda Telemetry API,
 * https://docs.aws.amazon.com/lambda/latest/dg/telemetry-api.html; Lambda Logs API,
 * https://docs.aws.amazon.com/lambda/latest/dg/runtimes-logs-api.html).
 */
final class SubscriptionApi {

  private static final String OK = "\"OK\"";

  private final Sandbox sandbox;

  SubscriptionApi(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  ApiReply subscribe(Dialect.Api api, @Nullable String id, String body) throws ApiError {
    Subscriber subscriber;
    sandbox.lock.lock();
    try {
      Extension ext = ExtensionsApi.lookup(sandbox, id);
      if (sandbox.phase != Sandbox.Phase.INIT) {
        throw ApiError.forbidden(
            api.errorPrefix() + ".SubscriptionClosed",
            api.errorPrefix() + " API subscription is closed already");
      }
      if (ext.subscribedApi == api) {
        return ApiReply.json(200, OK);
      }
      if (ext.subscribedApi != null) {
        throw new ApiError(
            400,
            validationErrorType(api),
            "Extension '"
                + ext.name
                + "' already subscribed through the "
                + ext.subscribedApi.errorPrefix()
                + " API; Lambda accepts one of the Telemetry and Logs APIs per extension");
      }
      Subscription subscription = parse(api, body);
      ext.subscribedApi = api;
      subscriber =
          new Subscriber(
              ext.name,
              subscription,
              sandbox.delivery,
              sandbox.settings.clock(),
              sandbox::frozen,
              sandbox.lifeline(ext.process),
              sandbox.settings.dropWhileBusy());
      sandbox.bus.subscribe(subscriber);
    } finally {
      sandbox.lock.unlock();
    }
    sandbox.bus.emit(subscriptionEvent(api, subscriber));
    return ApiReply.json(200, OK);
  }

  private Subscription parse(Dialect.Api api, String body) throws ApiError {
    try {
      return Subscription.parse(api, body, sandbox.apiPort);
    } catch (Subscription.InvalidSubscription e) {
      throw new ApiError(400, validationErrorType(api), e.getMessage());
    }
  }

  /**
   * The Telemetry API answers {@code ValidationError}, the Logs API {@code Logs.ValidationError}.
   */
  private static String validationErrorType(Dialect.Api api) {
    return api == Dialect.Api.TELEMETRY ? "ValidationError" : "Logs.ValidationError";
  }

  private TelemetryEvent subscriptionEvent(Dialect.Api api, Subscriber subscriber) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("name", subscriber.extension());
    record.put("state", "Subscribed");
    record.put("types", subscriber.subscription().types());
    return new TelemetryEvent(
        sandbox.now(),
        api.subscriptionEventType(),
        dialect -> dialect.api() == api ? record : null);
  }
}
