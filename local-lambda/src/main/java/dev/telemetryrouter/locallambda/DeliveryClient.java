package dev.telemetryrouter.locallambda;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Sends one batch to a subscriber's listener. Sandbox host names are never resolved: the listener
 * is always reached on 127.0.0.1 at the subscribed port, as the Managed Instances emulator does.
 */
final class DeliveryClient {

  private final HttpClient http;
  private final Duration requestTimeout;

  DeliveryClient(Duration requestTimeout) {
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .proxy(HttpClient.Builder.NO_PROXY)
            .build();
    this.requestTimeout = requestTimeout;
  }

  /** Returns null on a 2xx answer, otherwise the logsDropped reason. */
  @Nullable String deliver(Subscription subscription, String body) {
    URI target = URI.create("http://127.0.0.1:" + subscription.port() + subscription.path());
    HttpRequest request =
        HttpRequest.newBuilder(target)
            .timeout(requestTimeout)
            .header("Content-Type", "application/json")
            .header("Sequence-Id", sequenceId(body))
            .method(subscription.method(), HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      return status >= 200 && status < 300 ? null : "could not send events: status " + status;
    } catch (IOException e) {
      return "could not send events: " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "could not send events: interrupted";
    }
  }

  /**
   * The reference emulator's Sequence-Id: base64 of the SHA-256 of the body
   * (aws/aws-lambda-runtime-interface-emulator,
   * internal/lambda-managed-instances/aws-lambda-rie/internal/telemetry/internal/client.go).
   */
  private static String sequenceId(String body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return Base64.getEncoder().encodeToString(sha.digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  void close() {
    http.shutdownNow();
  }
}
