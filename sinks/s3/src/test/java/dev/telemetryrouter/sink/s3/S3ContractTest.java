package dev.telemetryrouter.sink.s3;

import dev.telemetryrouter.sink.testkit.SinkContractTest;
import dev.telemetryrouter.sink.testkit.TestSinkContext;
import dev.telemetryrouter.spi.sink.SinkProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The sink contract against Adobe S3Mock on 127.0.0.1, a fresh bucket per test. S3 has no
 * per-record failure, so the kit skips that test; whole-request failures are covered by {@link
 * S3FailureTest} on a scripted server.
 */
@ExtendWith(S3MockExtension.class)
class S3ContractTest extends SinkContractTest {

  private S3MockProcess mock;
  private S3Client s3;
  private String bucket;

  @BeforeEach
  void freshBucket(S3MockProcess mock) {
    this.mock = mock;
    s3 = S3Testing.reader(mock.url());
    bucket = S3Testing.freshBucket(s3);
  }

  @AfterEach
  void closeReader() {
    s3.close();
  }

  @Override
  protected SinkProvider provider() {
    return new S3SinkProvider();
  }

  @Override
  protected Map<String, Object> options() {
    return Map.of("bucket", bucket, "endpoint", mock.url());
  }

  @Override
  protected TestSinkContext context(Map<String, ? extends Object> options) {
    return S3Testing.context(SINK_NAME, options, clock);
  }

  @Override
  protected List<String> received() {
    return S3Testing.lines(s3, bucket);
  }

  @Override
  protected Map<String, Object> unroutableOptions() {
    return Map.of("bucket", "logs", "endpoint", "http://127.0.0.1:9");
  }
}
