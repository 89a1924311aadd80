package dev.telemetryrouter.sink.aws;

import dev.telemetryrouter.spi.config.ConfigSection;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The options every AWS sink reads beside its own: {@code region} (default {@code AWS_REGION}, then
 * {@code AWS_DEFAULT_REGION}), {@code endpoint} (an override for tests and LocalStack-style
 * servers) and {@code connect_timeout}.
 *
 * @param region the signing region, such as {@code eu-west-1}
 * @param endpoint the endpoint to call instead of the service's regional one, or {@code null}
 * @param connectTimeout the bound on opening a connection; the call as a whole is bounded by the
 *     send deadline
 */
public record AwsClientOptions(String region, @Nullable URI endpoint, Duration connectTimeout) {

  /**
   * Region names as AWS spells them: {@code us-east-1}, {@code us-gov-west-1}, {@code
   * il-central-1}.
   */
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z0-9]+)+-\\d{1,2}");

  /** A TCP connect on a healthy network takes milliseconds; two seconds leaves room for a thaw. */
  static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);

  /**
   * Reads the shared options from a sink's section and the process environment, recording a problem
   * for each bad value so the whole file is reported at once.
   */
  public static AwsClientOptions read(ConfigSection config, Map<String, String> environment) {
    String region = readRegion(config, environment);
    URI endpoint =
        config.optionalString("endpoint").map(v -> parseEndpoint(config, v)).orElse(null);
    Duration connectTimeout =
        config.duration(
            "connect_timeout",
            DEFAULT_CONNECT_TIMEOUT,
            Duration.ofMillis(100),
            Duration.ofSeconds(30));
    return new AwsClientOptions(region, endpoint, connectTimeout);
  }

  private static String readRegion(ConfigSection config, Map<String, String> environment) {
    Optional<String> configured = config.optionalString("region");
    String region =
        configured
            .or(() -> Optional.ofNullable(environment.get("AWS_REGION")))
            .or(() -> Optional.ofNullable(environment.get("AWS_DEFAULT_REGION")))
            .orElse("")
            .strip()
            .toLowerCase(Locale.ROOT);
    if (!REGION.matcher(region).matches()) {
      config.problem(
          "region",
          region,
          "an AWS region such as eu-west-1; set it here or in AWS_REGION (Lambda sets it)");
    }
    return region;
  }

  private static @Nullable URI parseEndpoint(ConfigSection config, String value) {
    try {
      URI uri = new URI(value.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // Reported below with the expectation.
    }
    config.problem(
        "endpoint", value, "an absolute http:// or https:// URL such as http://127.0.0.1:4566");
    return null;
  }
}
