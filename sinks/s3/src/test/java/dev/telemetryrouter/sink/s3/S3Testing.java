package dev.telemetryrouter.sink.s3;

import dev.telemetryrouter.sink.testkit.TestSinkContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Shared set-up: fake Lambda credentials, fresh buckets, reading objects back. The reading helpers
 * are public for the end-to-end tests (this module's test jar).
 */
public final class S3Testing {

  /** Explicit fake keys and region, so the SDK never looks for credentials anywhere else. */
  static final Map<String, String> LAMBDA_ENV =
      Map.of(
          "AWS_REGION", "eu-west-1",
          "AWS_ACCESS_KEY_ID", "AKIDLOOPBACKTEST",
          "AWS_SECRET_ACCESS_KEY", "loopback-test-secret");

  private static final AtomicInteger buckets = new AtomicInteger();

  private S3Testing() {}

  static TestSinkContext context(String name, Map<String, ?> options, InstantSource clock) {
    TestSinkContext.Builder builder = TestSinkContext.builder(name).options(options).clock(clock);
    LAMBDA_ENV.forEach(builder::env);
    return builder.build();
  }

  /** A client for checking what the sink wrote, on the same endpoint. */
  public static S3Client reader(String endpoint) {
    return S3Client.builder()
        .endpointOverride(URI.create(endpoint))
        .region(Region.EU_WEST_1)
        .forcePathStyle(true)
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDLOOPBACKTEST", "loopback-test-secret")))
        .build();
  }

  /** Creates a bucket no other test uses. */
  public static String freshBucket(S3Client s3) {
    String bucket = "test-" + ProcessHandle.current().pid() + "-" + buckets.incrementAndGet();
    s3.createBucket(b -> b.bucket(bucket));
    return bucket;
  }

  /** The keys in {@code bucket}, in key order. */
  public static List<String> keys(S3Client s3, String bucket) {
    return s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
        .map(S3Object::key)
        .toList();
  }

  /** Every line of every object in {@code bucket}, objects in key order, gunzipped as needed. */
  public static List<String> lines(S3Client s3, String bucket) {
    List<String> lines = new ArrayList<>();
    for (String key : keys(s3, bucket)) {
      ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
      String text = new String(plain(object), StandardCharsets.UTF_8);
      if (!text.endsWith("\n")) {
        throw new AssertionError("object " + key + " does not end with a newline");
      }
      lines.addAll(Arrays.asList(text.substring(0, text.length() - 1).split("\n", -1)));
    }
    return lines;
  }

  public static byte[] plain(ResponseBytes<GetObjectResponse> object) {
    String encoding = object.response().contentEncoding();
    if (encoding == null || !encoding.split(",")[0].equals("gzip")) {
      return object.asByteArray();
    }
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(object.asByteArray()))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
