package dev.telemetryrouter.locallambda;

/**
 * What one subscriber receives: the API it subscribed through and the schema version it asked for.
 * The record shapes differ between the two APIs and between schema versions.
 */
record Dialect(Api api, String schemaVersion) {

  /** The subscription API: Telemetry ({@code /2022-07-01/telemetry}) or Logs. */
  enum Api {
    TELEMETRY("Telemetry", "platform.telemetrySubscription"),
    LOGS("Logs", "platform.logsSubscription");

    private final String errorPrefix;
    private final String subscriptionEventType;

    Api(String errorPrefix, String subscriptionEventType) {
      this.errorPrefix = errorPrefix;
      this.subscriptionEventType = subscriptionEventType;
    }

    /** The prefix of this API's errorType values, as in {@code Telemetry.SubscriptionClosed}. */
    String errorPrefix() {
      return errorPrefix;
    }

    String subscriptionEventType() {
      return subscriptionEventType;
    }
  }

  /**
   * True when JSON-format log lines arrive as objects: only the Telemetry API with schema
   * 2022-12-13 or later does that; with 2022-07-01 and in the Logs API they stay strings (Lambda
   * Telemetry API Event schema reference,
   * https://docs.aws.amazon.com/lambda/latest/dg/telemetry-schema-reference.html).
   */
  boolean jsonLinesAsObjects() {
    return api == Api.TELEMETRY && schemaVersion.compareTo("2022-12-13") >= 0;
  }

  /**
   * The Logs API sends platform.runtimeDone only with schema 2021-03-18 (Lambda Logs API,
   * https://docs.aws.amazon.com/lambda/latest/dg/runtimes-logs-api.html).
   */
  boolean logsRuntimeDone() {
    return api == Api.LOGS && schemaVersion.compareTo("2021-03-18") >= 0;
  }
}
