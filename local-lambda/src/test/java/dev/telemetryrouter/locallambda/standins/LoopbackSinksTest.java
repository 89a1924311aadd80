package dev.telemetryrouter.locallambda.standins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoopbackSinksTest {

  private final HttpClient http =
      HttpClient.newBuilder()
          .proxy(HttpClient.Builder.NO_PROXY)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private LoopbackSinks sinks;

  @BeforeEach
  void start() throws IOException {
    sinks = LoopbackSinks.start();
  }

  @AfterEach
  void stop() {
    sinks.close();
    http.close();
  }

  @Test
  void urls_listEveryServiceOnItsOwnLoopbackPort() {
    assertThat(sinks.urls()).containsOnlyKeys("firehose", "kinesis", "s3", "http");
    assertThat(sinks.urls().values())
        .allMatch(url -> url.matches("http://127\\.0\\.0\\.1:\\d+"))
        .doesNotHaveDuplicates();
  }

  @Test
  void url_whenServiceUnknown_namesIt() {
    assertThatThrownBy(() -> sinks.url("sqs"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sqs");
  }

  @Test
  void firehose_answersOneRecordIdPerRecordAndCountsThem() throws Exception {
    String batch =
        "{\"DeliveryStreamName\":\"s\",\"Records\":[{\"Data\":\"YQ==\"},{\"Data\":\"Yg==\"}]}";

    HttpResponse<String> answer = post("firehose", batch.getBytes(StandardCharsets.UTF_8));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body())
        .contains("\"FailedPutCount\":0")
        .contains("{\"RecordId\":\"r0\"},{\"RecordId\":\"r1\"}]");
    assertThat(sinks.firehoseRecords()).isEqualTo(2);
    assertThat(sinks.requests("firehose")).isEqualTo(1);
  }

  @Test
  void kinesis_answersInCborWithOneSequenceNumberPerRecord() throws Exception {
    String body = "..PartitionKey..a..Data..PartitionKey..b..Data..PartitionKey..c..";

    HttpResponse<String> answer = post("kinesis", body.getBytes(StandardCharsets.ISO_8859_1));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/x-amz-cbor-1.1");
    // A CBOR map of two entries (0xa2) whose first key is the 17-byte text FailedRecordCount.
    assertThat(answer.body()).startsWith("\u00a2\u0071FailedRecordCount\u0000");
    assertThat(answer.body().split("SequenceNumber", -1)).hasSize(4);
    assertThat(sinks.kinesisRecords()).isEqualTo(3);
  }

  @Test
  void s3_answersPutObjectWithAnEtagAndNoBody() throws Exception {
    HttpResponse<String> answer = post("s3", new byte[] {1, 2, 3});

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("ETag")).hasValue("\"0123456789abcdef\"");
    assertThat(answer.body()).isEmpty();
    assertThat(sinks.requests("s3")).isEqualTo(1);
    assertThat(sinks.requests("http")).isZero();
  }

  /**
   * A full PutRecordBatch (500 records, PutRecordBatch's limit) answered in one go: a server that
   * leaves Nagle's algorithm on sends such an answer's body after its headers, in a second segment
   * that waits for the client's delayed ACK, about 40 ms per call on Linux (RFC 1122 section
   * 4.2.3.2 allows up to 500 ms): that, not the extension, made the harness's Firehose and Kinesis
   * runs hold each invocation 1.3 s. Twenty calls take a few ms each without the stall.
   */
  @Test
  void firehose_fullBatchesOnOneConnection_areAnsweredWithoutTheDelayedAckStall() throws Exception {
    StringBuilder batch = new StringBuilder("{\"Records\":[");
    for (int i = 0; i < 500; i++) {
      batch.append(i == 0 ? "" : ",").append("{\"Data\":\"YWJjZGVmZ2hpamtsbW5vcA==\"}");
    }
    byte[] body = batch.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    post("firehose", body);

    long start = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      assertThat(post("firehose", body).statusCode()).isEqualTo(200);
    }
    Duration twenty = Duration.ofNanos(System.nanoTime() - start);

    assertThat(twenty).isLessThan(Duration.ofMillis(600));
    assertThat(sinks.firehoseRecords()).isEqualTo(21 * 500);
  }

  @Test
  void close_stopsEveryService() {
    String url = sinks.url("http");

    sinks.close();

    assertThatThrownBy(() -> post(url, new byte[0])).isInstanceOf(ConnectException.class);
  }

  private HttpResponse<String> post(String serviceOrUrl, byte[] body) throws Exception {
    String url = serviceOrUrl.startsWith("http://") ? serviceOrUrl : sinks.url(serviceOrUrl);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url + "/"))
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
  }
}
