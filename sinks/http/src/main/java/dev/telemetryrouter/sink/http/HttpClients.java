package dev.telemetryrouter.sink.http;

import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/** Builds the OkHttp client of one HTTP sink. */
final class HttpClients {

  /** One request at a time per sink (the engine never sends concurrently): few idle sockets. */
  private static final int MAX_IDLE_CONNECTIONS = 2;

  private HttpClients() {}

  /**
   * A client with the platform's TLS verification (there is no option to turn it off), no redirects
   * (a redirected POST may turn into a GET or lose its body), and a short keep-alive: connections
   * idle across a Lambda freeze are often dead at the thaw. {@code retryOnConnectionFailure} lets
   * OkHttp repeat a request on a fresh connection when a pooled one turns out dead, which is
   * exactly the thaw case.
   */
  static OkHttpClient build(HttpSinkConfig config) {
    HttpSinkConfig.Timeouts timeouts = config.timeouts();
    return new OkHttpClient.Builder()
        .connectionPool(
            new ConnectionPool(
                MAX_IDLE_CONNECTIONS, config.keepAlive().toMillis(), TimeUnit.MILLISECONDS))
        .retryOnConnectionFailure(true)
        .followRedirects(false)
        .followSslRedirects(false)
        .connectTimeout(timeouts.connect())
        .writeTimeout(timeouts.write())
        .readTimeout(timeouts.read())
        .callTimeout(timeouts.call())
        .build();
  }
}
