package dev.telemetryrouter.locallambda;

import java.util.Locale;

/** The function's log format ({@code LoggingConfig.LogFormat}, seen as AWS_LAMBDA_LOG_FORMAT). */
public enum LogFormat {
  TEXT,
  JSON;

  /** The value Lambda puts in AWS_LAMBDA_LOG_FORMAT: {@code Text} or {@code JSON}. */
  String envValue() {
    return this == TEXT ? "Text" : "JSON";
  }

  /** Parses {@code text} or {@code json} in any case. */
  public static LogFormat parse(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "text" -> TEXT;
      case "json" -> JSON;
      default ->
          throw new IllegalArgumentException(
              "log format '" + value + "' is not supported: use text or json");
    };
  }
}
