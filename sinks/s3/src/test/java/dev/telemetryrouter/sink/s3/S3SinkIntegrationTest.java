package dev.telemetryrouter.sink.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telemetryrouter.sink.aws.AwsRequestRejectedException;
import dev.telemetryrouter.sink.testkit.BatchFactory;
import dev.telemetryrouter.sink.testkit.FakeClock;
import dev.telemetryrouter.sink.testkit.TestSinkContext;
import dev.telemetryrouter.spi.sink.SendContext;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** The S3 sink against Adobe S3Mock on 127.0.0.1: objects, keys, compression, checksums. */
@ExtendWith(S3MockExtension.class)
class S3SinkIntegrationTest {

  private static final Instant FLUSH_TIME = Instant.parse("2026-12-04T23:59:58.123Z");

  private final FakeClock clock = new FakeClock(FLUSH_TIME);
  private final List<Sink> sinks = new ArrayList<>();
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
  void close() {
    sinks.forEach(Sink::close);
    s3.close();
  }

  @Test
  void s3Mock_listensOnLoopbackOnly() throws Exception {
    List<String> addresses = mock.listeningAddresses(mock.httpPort());

    assertThat(addresses)
        .isNotEmpty()
        .allMatch(a -> a.equals("0100007F") || a.equals("0000000000000000FFFF00000100007F"));
  }

  @Test
  void send_batch_writesOneJsonLinesObject() throws Exception {
    Sink sink = sink(Map.of());
    BatchFactory factory = BatchFactory.forSink(sink, clock);
    SinkBatch batch = factory.batch(factory.records(3, "line"));

    SendResult result = send(sink, batch);

    assertThat(result.outcomes()).hasSize(3);
    List<String> keys = S3Testing.keys(s3, bucket);
    assertThat(keys).hasSize(1);
    assertThat(keys.getFirst()).endsWith(".jsonl");
    HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(keys.getFirst()));
    assertThat(head.contentType()).isEqualTo("application/x-ndjson");
    assertThat(S3Testing.lines(s3, bucket))
        .containsExactlyElementsOf(batch.records().stream().map(BatchFactory::dataText).toList());
  }

  @Test
  void send_gzip_writesCompressedObjectWithEncodingAndSuffix() throws Exception {
    Sink sink = sink(Map.of("compression", "gzip"));
    BatchFactory factory = BatchFactory.forSink(sink, clock);
    SinkBatch batch = factory.batch(factory.records(50, "compressible ".repeat(20)));

    send(sink, batch);

    String key = S3Testing.keys(s3, bucket).getFirst();
    HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
    assertThat(key).endsWith(".jsonl.gz");
    // S3 strips the SDK's "aws-chunked" upload encoding from what it stores; S3Mock keeps it.
    assertThat(head.contentEncoding().split(",")).startsWith("gzip");
    assertThat(head.contentLength()).isLessThan(batch.bytes() / 5);
    assertThat(S3Testing.lines(s3, bucket)).hasSize(50);
  }

  @Test
  void send_checksumWhenRequired_isAcceptedLikeTheDefault() throws Exception {
    Sink sink = sink(Map.of("request_checksum_calculation", "when_required"));
    BatchFactory factory = BatchFactory.forSink(sink, clock);
    SinkBatch batch = factory.batch(factory.records(2, "no crc"));

    send(sink, batch);

    assertThat(S3Testing.lines(s3, bucket)).hasSize(2);
  }

  @Test
  void send_hiveTemplate_rendersUtcPartitionsFromFlushTime() throws Exception {
    Sink sink =
        sink(Map.of("key", "fn={function}/v={version}/dt={date}/hour={hour}/{account}-{unique}"));
    BatchFactory factory = BatchFactory.forSink(sink, clock);

    send(sink, factory.batch(factory.records(1, "hive")));

    assertThat(S3Testing.keys(s3, bucket).getFirst())
        .matches(
            "fn=orders-api/v=_LATEST/dt=2026-12-04/hour=23/unknown-[0-9a-f]{12}-000001\\.jsonl");
  }

  @Test
  void send_recordKeyTime_namesObjectByFirstRecordTime() throws Exception {
    Sink sink = sink(Map.of("key", "{datetime}-{unique}", "key_time", "record"));
    BatchFactory factory = new BatchFactory(sink.limits(), sink.encoding(), new FakeClock());

    send(sink, factory.batch(factory.records(1, "old record")));

    assertThat(S3Testing.keys(s3, bucket).getFirst()).startsWith("20260102T030405.678Z-");
  }

  @Test
  void send_twoSandboxesInTheSameMillisecond_neverShareAKey() throws Exception {
    Sink first = sink(Map.of("key", "{datetime}-{unique}"));
    Sink second = sink(Map.of("key", "{datetime}-{unique}"));
    BatchFactory factory = BatchFactory.forSink(first, clock);

    send(first, factory.batch(factory.records(1, "sandbox a")));
    send(second, factory.batch(factory.records(1, "sandbox b")));

    assertThat(S3Testing.keys(s3, bucket)).hasSize(2);
    assertThat(S3Testing.lines(s3, bucket)).hasSize(2);
  }

  @Test
  void send_sameBatchResent_overwritesItsObjectInsteadOfDuplicating() throws Exception {
    Sink sink = sink(Map.of());
    BatchFactory factory = BatchFactory.forSink(sink, clock);
    SinkBatch batch = factory.batch(factory.records(2, "resent"));

    send(sink, batch);
    clock.advance(java.time.Duration.ofMinutes(2));
    send(sink, batch);

    assertThat(S3Testing.keys(s3, bucket)).hasSize(1);
    assertThat(S3Testing.lines(s3, bucket)).hasSize(2);
  }

  @Test
  void send_missingBucket_isFinalAndSaysWhatToCheck() {
    Sink sink = sink(Map.of("bucket", "no-such-bucket-here"));
    BatchFactory factory = BatchFactory.forSink(sink, clock);

    assertThatThrownBy(() -> send(sink, factory.batch(factory.records(1, "lost"))))
        .isInstanceOf(AwsRequestRejectedException.class)
        .hasMessageContaining("NoSuchBucket")
        .hasMessageContaining("HTTP 404");
  }

  private Sink sink(Map<String, String> overrides) {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("bucket", bucket);
    options.put("endpoint", mock.url());
    options.putAll(overrides);
    TestSinkContext context = S3Testing.context("archive", options, clock);
    Sink sink = new S3SinkProvider().create(context);
    assertThat(context.problemLines()).isEmpty();
    sinks.add(sink);
    return sink;
  }

  private SendResult send(Sink sink, SinkBatch batch) throws Exception {
    return sink.send(batch, new SendContext(clock.instant().plusSeconds(30), 0, clock));
  }
}
