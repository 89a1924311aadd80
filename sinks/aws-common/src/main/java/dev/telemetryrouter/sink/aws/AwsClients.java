package dev.telemetryrouter.sink.aws;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * Builds synchronous SDK v2 clients the way every AWS sink wants them.
 *
 * <p><b>HTTP client.</b> The JDK's {@code HttpURLConnection} through {@code url-connection-client}:
 * measured against the Apache 4 and 5 clients and the CRT client on a first PutRecordBatch to a
 * loopback server, it started fastest and used the least memory (docs/sinks.md has the numbers),
 * and it brings no dependency of its own. Its pool is the JDK's keep-alive cache, which drops a
 * connection idle for 5 s when the server names no timeout ({@code http.keepAlive.time.server});
 * the cache ages entries by wall-clock time, so a connection pooled before a Lambda freeze of more
 * than a few seconds is discarded, not reused, after the thaw.
 *
 * <p><b>Retries.</b> The engine owns backoff and attempts, so the SDK retries nothing it would
 * count, with one exception: a connection that fails with an I/O error (a reset, an end of stream)
 * before any answer, typically one that died during a freeze, is tried once more at once on a new
 * connection. A refused connection or a read timeout is not, and everything else is left to {@link
 * AwsErrors} and the engine.
 */
public final class AwsClients {

  /** Two attempts: the first call and one on a fresh connection after a dead pooled one. */
  private static final int ATTEMPTS_FOR_DEAD_CONNECTION = 2;

  /**
   * The socket read bound when no per-call timeout applies; every send also sets an {@code
   * apiCallTimeout} from its deadline (see {@link CallDeadline}), which is usually shorter.
   */
  private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

  private AwsClients() {}

  /**
   * Configures {@code builder} from {@code options} and the Lambda {@code environment}, then builds
   * the client. Call it off the start-up path (in {@code Sink.start()} or on the first send): the
   * SDK loads a few hundred classes here.
   *
   * @throws IllegalStateException when the environment holds no credentials
   */
  public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient>
      C build(B builder, AwsClientOptions options, Map<String, String> environment) {
    builder
        .region(Region.of(options.region()))
        .credentialsProvider(LambdaCredentials.provider(environment))
        .httpClientBuilder(
            UrlConnectionHttpClient.builder()
                .connectionTimeout(options.connectTimeout())
                .socketTimeout(SOCKET_TIMEOUT))
        .overrideConfiguration(o -> o.retryStrategy(retryStrategy()));
    if (options.endpoint() != null) {
      builder.endpointOverride(options.endpoint());
    }
    return builder.build();
  }

  /** The SDK retry strategy described in the class note. */
  static RetryStrategy retryStrategy() {
    return StandardRetryStrategy.builder()
        .useClientDefaults(false)
        .maxAttempts(ATTEMPTS_FOR_DEAD_CONNECTION)
        .retryOnException(AwsClients::isDeadConnection)
        .backoffStrategy(BackoffStrategy.retryImmediately())
        .circuitBreakerEnabled(false)
        .build();
  }

  /**
   * Whether {@code failure} means the connection broke under the request: an I/O error other than a
   * refused connection (the server is not there; trying again at once will not help) or a timeout
   * (the server is slow; a second request would double the wait and maybe the records).
   */
  static boolean isDeadConnection(Throwable failure) {
    if (!(failure instanceof SdkClientException)) {
      return false;
    }
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException || cause instanceof InterruptedIOException) {
        return false;
      }
      if (cause instanceof IOException) {
        return true;
      }
    }
    return false;
  }
}
