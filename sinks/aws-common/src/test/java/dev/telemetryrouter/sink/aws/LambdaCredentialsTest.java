package dev.telemetryrouter.sink.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;

class LambdaCredentialsTest {

  @Test
  void provider_sessionKeysInEnvironment_usesThemWithoutDiscovery() {
    Map<String, String> env =
        Map.of(
            "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
            "AWS_SECRET_ACCESS_KEY", "secret-example",
            "AWS_SESSION_TOKEN", "token-example");

    var credentials = LambdaCredentials.provider(env).resolveCredentials();

    assertThat(credentials).isInstanceOf(AwsSessionCredentials.class);
    assertThat(credentials.accessKeyId()).isEqualTo("AKIDEXAMPLE");
    assertThat(((AwsSessionCredentials) credentials).sessionToken()).isEqualTo("token-example");
  }

  @Test
  void provider_snapStartContainerUri_usesContainerCredentials() {
    Map<String, String> env =
        Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9/2021-04-23/credentials");

    var provider = LambdaCredentials.provider(env);

    assertThat(provider).isInstanceOf(ContainerCredentialsProvider.class);
  }

  @Test
  void provider_noCredentials_saysWhatToSet() {
    assertThatThrownBy(() -> LambdaCredentials.provider(Map.of("AWS_REGION", "eu-west-1")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AWS_ACCESS_KEY_ID");
  }
}
