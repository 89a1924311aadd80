package dev.telemetryrouter.locallambda;

import java.util.Map;

/** A successful API answer: status, JSON body and extra headers. */
record ApiReply(int status, String body, Map<String, String> headers) {

  static ApiReply json(int status, String body) {
    return new ApiReply(status, body, Map.of());
  }
}
