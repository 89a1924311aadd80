package dev.telemetryrouter.core.lambda;

import java.io.IOException;

/** An Extensions, Telemetry or Logs API call answered with an unexpected status. */
final class ExtensionsApiException extends IOException {

  private final int status;

  ExtensionsApiException(String call, int status, String body) {
    super(call + " answered HTTP " + status + ": " + abbreviate(body));
    this.status = status;
  }

  int status() {
    return status;
  }

  private static String abbreviate(String body) {
    // The platform's error bodies are short JSON; keep a log line short if one is not.
    return body.length() <= 500 ? body : body.substring(0, 500) + "...";
  }
}
