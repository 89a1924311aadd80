package dev.telemetryrouter.core.encode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.telemetryrouter.spi.FunctionContext;
import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class RecordEncoderTest {

  private static final FunctionContext ORDERS =
      new FunctionContext("orders", "$LATEST", "eu-west-1", 128, null);
  private static final Instant TIME = Instant.parse("2026-01-02T03:04:05.678Z");

  @Test
  void json_withTextPayload_writesThePayloadAsAString() throws IOException {
    TelemetryRecord record =
        TelemetryRecord.builder(TIME, "function", "2026-01-02T03:04:05.678Z req-1 INFO hello")
            .id("rec-1")
            .function(ORDERS)
            .field(TelemetryRecord.REQUEST_ID, "req-1")
            .field(TelemetryRecord.LEVEL, "INFO")
            .field(TelemetryRecord.MESSAGE, "hello")
            .build();

    byte[] json = RecordEncoder.json(record);

    assertThat(text(json)).isEqualTo(fixture("string-payload.json"));
  }

  @Test
  void json_withObjectPayload_writesItAsAnObjectWithDecimalsAsNumbers() throws IOException {
    TelemetryRecord record =
        TelemetryRecord.builder(Instant.parse("2026-01-02T03:04:06Z"), "platform.report", report())
            .id("rec-2")
            .function(new FunctionContext("orders", "7", "eu-west-1", 512, "123456789012"))
            .field(TelemetryRecord.REQUEST_ID, "req-2")
            .build();

    byte[] json = RecordEncoder.json(record);

    assertThat(text(json)).isEqualTo(fixture("object-payload.json"));
  }

  @Test
  void json_withUnicode_writesUtf8AsIs() throws IOException {
    String message = "héllo wörld ✓ 😀 日本";
    TelemetryRecord record =
        TelemetryRecord.builder(TIME, "function", message)
            .id("rec-3")
            .function(ORDERS)
            .field(TelemetryRecord.MESSAGE, message)
            .build();

    byte[] json = RecordEncoder.json(record);

    assertThat(text(json)).isEqualTo(fixture("unicode.json"));
  }

  @Test
  void json_withNewlinesInTheMessage_escapesThemSoTheRecordStaysOneLine() throws IOException {
    String message = "line one\nline two\r\n\ttab \"quoted\" \\ back";
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("message", message);
    payload.put("level", "ERROR");
    TelemetryRecord record =
        TelemetryRecord.builder(TIME, "function", payload)
            .id("rec-4")
            .function(ORDERS)
            .field(TelemetryRecord.MESSAGE, message)
            .build();

    byte[] json = RecordEncoder.json(record);

    assertThat(json).doesNotContain((byte) '\n', (byte) '\r');
    assertThat(text(json)).isEqualTo(fixture("newlines.json"));
  }

  @Test
  void message_prefersTheMessageField_thenTextPayload_thenPayloadObjectAsJson() throws IOException {
    TelemetryRecord withField =
        TelemetryRecord.builder(TIME, "function", "raw line").field("message", "parsed").build();
    TelemetryRecord textOnly = TelemetryRecord.builder(TIME, "function", "raw line").build();
    TelemetryRecord objectOnly = TelemetryRecord.builder(TIME, "platform.report", report()).build();

    String fromField = text(RecordEncoder.encode(withField, RecordEncoding.MESSAGE));
    String fromText = text(RecordEncoder.encode(textOnly, RecordEncoding.MESSAGE));
    String fromObject = text(RecordEncoder.encode(objectOnly, RecordEncoding.MESSAGE));

    assertThat(fromField).isEqualTo("parsed");
    assertThat(fromText).isEqualTo("raw line");
    assertThat(fromObject).isEqualTo(fixture("object-message.txt"));
  }

  @Test
  void json_whenAFieldIsNamedLikeAnOwnPart_writesTheOwnPartOnly() {
    TelemetryRecord record =
        TelemetryRecord.builder(TIME, "function", "x").id("rec-5").field("type", "spoof").build();

    String json = text(RecordEncoder.json(record));

    assertThat(json).contains("\"type\":\"function\"").doesNotContain("spoof");
  }

  @Test
  void json_withALoneSurrogate_stillEncodesOneLine() {
    String broken = "half \uD83D of an emoji, and \uDE00 the other half";
    TelemetryRecord record =
        TelemetryRecord.builder(TIME, "function", broken).field("message", broken).build();

    byte[] json = RecordEncoder.json(record);
    byte[] message = RecordEncoder.message(record);

    assertThat(text(json)).startsWith("{").endsWith("}").contains("of an emoji");
    assertThat(text(message)).contains("of an emoji");
  }

  @Test
  void json_sameRecordTwiceOnOneThread_givesTheSameBytesWithNoRootSeparator() {
    TelemetryRecord record = small(1);

    byte[] first = RecordEncoder.json(record);
    byte[] second = RecordEncoder.json(record);

    assertThat(second).isEqualTo(first).isEqualTo(aloneInItsGenerator(record));
    assertThat(text(second)).startsWith("{\"time\":").endsWith("\"record\":\"line 1\"}");
  }

  /**
   * A payload nested 990 levels (Jackson writes up to 1,000) overflows a 128 KiB stack halfway
   * through the record, as a deep record can on the layer's 512 KiB stacks (-Xss512k in
   * layer/src/main/layer-config/jvm.options) before the encoder is compiled: the generator is left
   * inside an unfinished object. The thread's next record must not land in it.
   */
  @Test
  void json_afterAStackOverflowHalfwayThroughARecord_encodesTheNextRecordWhole() throws Exception {
    TelemetryRecord deep = TelemetryRecord.builder(TIME, "function", nested(990)).build();
    // Computed first, on this thread: the encoder's classes must not load on the small stack.
    byte[] expectedOne = aloneInItsGenerator(small(1));
    byte[] expectedTwo = aloneInItsGenerator(small(2));
    RecordEncoder.json(small(0));
    List<Object> outcomes = new ArrayList<>();

    Thread thread =
        new Thread(
            null,
            () -> {
              outcomes.add(RecordEncoder.json(small(0)));
              outcomes.add(failureOf(() -> RecordEncoder.json(deep)));
              outcomes.add(RecordEncoder.json(small(1)));
              outcomes.add(RecordEncoder.json(small(2)));
            },
            "small-stack",
            128 * 1024);
    thread.start();
    thread.join();

    assertThat(outcomes).hasSize(4);
    assertThat(outcomes.get(1)).isInstanceOf(StackOverflowError.class);
    assertThat((byte[]) outcomes.get(2)).isEqualTo(expectedOne);
    assertThat((byte[]) outcomes.get(3)).isEqualTo(expectedTwo);
  }

  /** A stage may put any object in a field; one whose text fails leaves the record half-written. */
  @Test
  void json_afterAFieldFailsHalfwayThroughARecord_encodesTheNextRecordWhole() {
    Object failing =
        new Object() {
          @Override
          public String toString() {
            throw new StackOverflowError("stands in for a deep stage value");
          }
        };
    TelemetryRecord broken =
        TelemetryRecord.builder(TIME, "function", "x").field("bad", failing).build();
    RecordEncoder.json(small(0));

    Throwable failure = failureOf(() -> RecordEncoder.json(broken));
    byte[] next = RecordEncoder.json(small(1));
    byte[] after = RecordEncoder.json(small(2));

    assertThat(failure).isInstanceOf(StackOverflowError.class);
    assertThat(next).isEqualTo(aloneInItsGenerator(small(1)));
    assertThat(after).isEqualTo(aloneInItsGenerator(small(2)));
  }

  @Test
  void json_afterARecordNestedPastJacksonsLimit_encodesTheNextRecordWhole() {
    TelemetryRecord tooDeep = TelemetryRecord.builder(TIME, "function", nested(1_100)).build();
    RecordEncoder.json(small(0));

    Throwable failure = failureOf(() -> RecordEncoder.json(tooDeep));
    byte[] next = RecordEncoder.json(small(1));

    assertThat(failure).isInstanceOf(UncheckedIOException.class);
    assertThat(next).isEqualTo(aloneInItsGenerator(small(1)));
  }

  @Test
  void json_ofARecordOver64KibThenSmallOnes_encodesEachAsAlone() {
    TelemetryRecord large =
        TelemetryRecord.builder(TIME, "function", "x".repeat(100 * 1024)).id("large").build();
    List<TelemetryRecord> records = List.of(small(1), large, small(2), small(3), large, small(4));

    List<byte[]> encoded = records.stream().map(RecordEncoder::json).toList();

    assertThat(encoded)
        .zipSatisfy(
            records, (bytes, record) -> assertThat(bytes).isEqualTo(aloneInItsGenerator(record)));
    assertThat(encoded.get(1).length).isGreaterThan(100 * 1024);
  }

  @Test
  void json_fromSeveralThreadsAtOnce_givesTheBytesOfOneThread() throws Exception {
    List<TelemetryRecord> records = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      records.add(i % 97 == 0 ? sized(i, 70 * 1024) : sized(i, 10 + i * 13 % 3000));
    }
    List<byte[]> expected = records.stream().map(RecordEncoderTest::aloneInItsGenerator).toList();
    int threads = 4;
    List<List<byte[]>> perThread = new ArrayList<>();
    CountDownLatch start = new CountDownLatch(1);

    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<byte[]> out = new ArrayList<>();
      perThread.add(out);
      int offset = t * 37;
      Thread thread =
          Thread.ofPlatform()
              .start(
                  () -> {
                    awaitQuietly(start);
                    for (int round = 0; round < 5; round++) {
                      for (int i = 0; i < records.size(); i++) {
                        out.add(RecordEncoder.json(records.get((i + offset) % records.size())));
                      }
                    }
                  });
      running.add(thread);
    }
    start.countDown();
    for (Thread thread : running) {
      thread.join();
    }

    for (int t = 0; t < threads; t++) {
      List<byte[]> out = perThread.get(t);
      assertThat(out).hasSize(5 * records.size());
      for (int n = 0; n < out.size(); n++) {
        int index = (n % records.size() + t * 37) % records.size();
        assertThat(out.get(n)).as("thread %d record %d", t, n).isEqualTo(expected.get(index));
      }
    }
  }

  /** The oracle: the record written by a generator of its own, as before buffers were reused. */
  private static byte[] aloneInItsGenerator(TelemetryRecord record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = RecordEncoder.generator(out)) {
      RecordEncoder.writeRecord(json, record);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static TelemetryRecord small(int n) {
    return TelemetryRecord.builder(TIME, "function", "line " + n)
        .id("rec-" + n)
        .function(ORDERS)
        .field(TelemetryRecord.LEVEL, "INFO")
        .field(TelemetryRecord.MESSAGE, "line " + n)
        .build();
  }

  private static TelemetryRecord sized(int n, int payloadChars) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("n", new BigDecimal(n));
    payload.put("text", "é😀".repeat(payloadChars / 3) + "x".repeat(payloadChars % 3));
    payload.put("list", Arrays.asList(n, true, null, "\n"));
    return TelemetryRecord.builder(TIME, "platform.report", payload)
        .id("rec-" + n)
        .function(ORDERS)
        .field(TelemetryRecord.REQUEST_ID, "req-" + n)
        .build();
  }

  private static Map<String, Object> nested(int depth) {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> current = root;
    for (int i = 1; i < depth; i++) {
      Map<String, Object> child = new LinkedHashMap<>();
      current.put("a", child);
      current = child;
    }
    current.put("leaf", "end");
    return root;
  }

  private static Throwable failureOf(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException | Error e) {
      return e;
    }
    throw new AssertionError("expected a failure");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<String, Object> report() {
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("durationMs", new BigDecimal("12.50"));
    metrics.put("billedDurationMs", new BigDecimal("13"));
    metrics.put("maxMemoryUsedMB", new BigDecimal("70"));
    List<Object> tags = new ArrayList<>(Arrays.asList("a", true, null));
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("requestId", "req-2");
    report.put("metrics", metrics);
    report.put("status", "success");
    report.put("tags", tags);
    return report;
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = RecordEncoderTest.class.getResourceAsStream("/encode/" + name)) {
      assertThat(in).as("fixture %s", name).isNotNull();
      String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    }
  }
}
