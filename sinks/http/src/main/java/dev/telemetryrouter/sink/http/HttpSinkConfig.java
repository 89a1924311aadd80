package dev.telemetryrouter.sink.http;

import dev.telemetryrouter.sink.http.format.BodyFormat;
import dev.telemetryrouter.spi.config.Secret;
import dev.telemetryrouter.spi.sink.SinkLimits;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * The options of one HTTP sink, read and checked by {@link ConfigReader}.
 *
 * @param url where batches are posted
 * @param format the intake's body format
 * @param gzip whether bodies are sent with {@code Content-Encoding: gzip}
 * @param limits what the engine's batcher must respect, overheads of the format included
 * @param headers extra request headers; every value is treated as a secret
 * @param timeouts connect, write, read and whole-call limits, each also bounded by the deadline
 * @param keepAlive how long an idle connection stays in the pool
 */
record HttpSinkConfig(
    HttpUrl url,
    BodyFormat format,
    boolean gzip,
    SinkLimits limits,
    Map<String, Secret> headers,
    Timeouts timeouts,
    Duration keepAlive) {

  /** Request timeouts; a zero value is never used, as OkHttp reads zero as "no limit". */
  record Timeouts(Duration connect, Duration write, Duration read, Duration call) {}

  HttpSinkConfig {
    Objects.requireNonNull(url, "url");
    headers = Map.copyOf(headers);
  }

  /** The body size the sink never sends past, before compression. */
  long maxBodyBytes() {
    return limits.maxBytesPerBatch();
  }

  /**
   * The URL without what may carry credentials (user info, query), fit for logs and errors. Splunk
   * and some vendors accept a token in the query string.
   */
  String safeUrl() {
    return redact(url);
  }

  static String redact(HttpUrl url) {
    return url.scheme() + "://" + url.host() + ":" + url.port() + url.encodedPath();
  }

  /** Never prints header values: they may hold credentials. */
  @Override
  public String toString() {
    return "HttpSinkConfig[url="
        + safeUrl()
        + ", format="
        + format
        + ", gzip="
        + gzip
        + ", limits="
        + limits
        + ", headers="
        + headers
        + ", timeouts="
        + timeouts
        + ", keepAlive="
        + keepAlive
        + "]";
  }
}
