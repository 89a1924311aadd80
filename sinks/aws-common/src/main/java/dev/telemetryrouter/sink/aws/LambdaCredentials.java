package dev.telemetryrouter.sink.aws;

import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The credentials Lambda gives an extension, read without the SDK's default chain (which probes
 * system properties, profile files, web identity and the instance metadata service one after the
 * other before it finds them).
 *
 * <p>An extension runs with the function's execution role. Lambda puts the role's session in {@code
 * AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and {@code AWS_SESSION_TOKEN}; under SnapStart
 * it gives {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} and {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}
 * instead, because keys captured in a snapshot would be stale after restore. Keys in the
 * environment come first, as in the SDK's own chain.
 */
public final class LambdaCredentials {

  static final String ACCESS_KEY = "AWS_ACCESS_KEY_ID";
  static final String SECRET_KEY = "AWS_SECRET_ACCESS_KEY";
  static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";
  static final String CONTAINER_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";

  private LambdaCredentials() {}

  /**
   * The provider for {@code environment}: static keys when they are set (environment variables
   * cannot change under a running process, so reading them once is what the SDK's
   * EnvironmentVariableCredentialsProvider amounts to), else the container endpoint.
   *
   * @throws IllegalStateException when the environment holds neither form
   */
  public static AwsCredentialsProvider provider(Map<String, String> environment) {
    String accessKey = environment.getOrDefault(ACCESS_KEY, "");
    String secretKey = environment.getOrDefault(SECRET_KEY, "");
    if (!accessKey.isEmpty() && !secretKey.isEmpty()) {
      return StaticCredentialsProvider.create(keys(accessKey, secretKey, environment));
    }

    String containerUri = environment.getOrDefault(CONTAINER_URI, "");
    if (!containerUri.isEmpty()) {
      // Reads the URI and AWS_CONTAINER_AUTHORIZATION_TOKEN from the process environment, as
      // Lambda sets them; refreshes before the session expires.
      return ContainerCredentialsProvider.builder().endpoint(containerUri).build();
    }
    throw new IllegalStateException(
        "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (Lambda sets them"
            + " from the execution role) or AWS_CONTAINER_CREDENTIALS_FULL_URI");
  }

  private static AwsCredentials keys(
      String accessKey, String secretKey, Map<String, String> environment) {
    String token = environment.getOrDefault(SESSION_TOKEN, "");
    return token.isEmpty()
        ? AwsBasicCredentials.create(accessKey, secretKey)
        : AwsSessionCredentials.create(accessKey, secretKey, token);
  }
}
