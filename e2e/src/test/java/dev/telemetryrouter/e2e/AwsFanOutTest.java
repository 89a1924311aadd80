package dev.telemetryrouter.e2e;

import static dev.telemetryrouter.e2e.Deliveries.assertEveryRecordOnce;
import static dev.telemetryrouter.e2e.Deliveries.functionLines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.locallambda.FunctionSource;
import dev.telemetryrouter.locallambda.LocalLambda;
import dev.telemetryrouter.locallambda.RunReport;
import dev.telemetryrouter.sink.firehose.FakeFirehose;
import dev.telemetryrouter.sink.kinesis.EmulatorStreams;
import dev.telemetryrouter.sink.kinesis.KinesisLocal;
import dev.telemetryrouter.sink.s3.S3MockProcess;
import dev.telemetryrouter.sink.s3.S3Testing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Issues #4 and #6, end to end: the real extension under the local Lambda emulator routes the same
 * invocations to the AWS sinks at once (and to the file sink, which serves as the reference of what
 * was routed); each destination is read back the way its consumers read it. The fan-out with every
 * sink type runs twice: on the development layer (the build's jars on this JDK) and on the built
 * layer zip unpacked as Lambda unpacks it into /opt, which proves that the zip's launcher, trimmed
 * runtime and AOT cache carry every sink to the real emulators.
 */
class AwsFanOutTest {

  private static final int INVOCATIONS = 8;
  private static final int LINES = 5;

  /** The file sink, the reference of what was routed. */
  private static final String FILE = "out";

  private static final String HTTP = "intake";
  private static final String STDOUT = "console";

  /** The stdout sink's default line prefix (StdoutSinkProvider.DEFAULT_PREFIX). */
  private static final String STDOUT_PREFIX = "[telemetry-router:stdout] ";

  /** Per invocation N (counted in a file in the work folder): numbered lines and a JSON line. */
  private static final String FUNCTION =
      """
      n=$(( $(cat count 2>/dev/null || echo 0) + 1 )); echo $n > count
      for k in $(seq 1 %d); do echo "inv-$n line-$k"; done
      echo "{\\"inv\\":$n,\\"event\\":\\"json line\\"}"
      """
          .formatted(LINES);

  /**
   * Lambda's invocation deadline bounds the end-of-invocation flush. The first flush also builds
   * the SDK clients and loads their classes, which on a busy two-core build machine can take most
   * of the default 3 s; a longer timeout keeps these tests about routing, not speed.
   */
  private static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(10);

  private static @Nullable S3MockProcess s3Mock;
  private static @Nullable S3Client s3;
  private static @Nullable KinesisLocal kinesisLocal;
  private static @Nullable EmulatorStreams streams;

  /** The emulators the sinks' own tests use, started once for the class, on 127.0.0.1 only. */
  @BeforeAll
  static void startEmulators() throws Exception {
    s3Mock = S3MockProcess.start();
    s3 = S3Testing.reader(s3Mock.url());
    Path kinesisLog = Path.of("target", "kinesis-local.log").toAbsolutePath();
    Files.createDirectories(kinesisLog.getParent());
    kinesisLocal = KinesisLocal.start(kinesisLog);
    streams = new EmulatorStreams(kinesisLocal.endpoint());
  }

  /** Stops each emulator process by its PID (the classes hold their Process handles). */
  @AfterAll
  static void stopEmulators() throws Exception {
    try {
      closeAll(s3, streams);
    } finally {
      closeAll(s3Mock, kinesisLocal);
    }
  }

  private static void closeAll(@Nullable AutoCloseable first, @Nullable AutoCloseable second)
      throws Exception {
    try {
      if (first != null) {
        first.close();
      }
    } finally {
      if (second != null) {
        second.close();
      }
    }
  }

  private static List<String> expectedLines(int n) {
    List<String> lines = new ArrayList<>();
    for (int k = 1; k <= LINES; k++) {
      lines.add("inv-" + n + " line-" + k);
    }
    lines.add("{\"inv\":" + n + ",\"event\":\"json line\"}");
    return lines;
  }

  private static AwsDestinations destinations(boolean aggregation) {
    return new AwsDestinations(
        Objects.requireNonNull(s3),
        Objects.requireNonNull(s3Mock).url(),
        Objects.requireNonNull(streams),
        Objects.requireNonNull(kinesisLocal).endpoint(),
        aggregation);
  }

  /**
   * Every sink type at once: Firehose (read from the loopback store), S3 gzip-compressed (read with
   * ListObjectsV2 and GetObject, gunzipped), Kinesis with and without KPL aggregation (GetRecords,
   * de-aggregated as a KCL consumer does), an HTTP intake (gzip-compressed JSON lines, the bodies
   * received), stdout (the extension's output) and the file sink (its files, the reference). Each
   * holds every routed record exactly once, each invocation's lines in order, and the accounting
   * line balances with nothing dropped, dead-lettered or pending.
   */
  @ParameterizedTest(name = "{0} layer")
  @EnumSource(Harness.Layer.class)
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void invocations_everySinkHoldsEveryRecordOnceInOrder(Harness.Layer layer, @TempDir Path root)
      throws Exception {
    Harness harness = new Harness(root, layer);
    List<String> requestIds = new ArrayList<>();
    String log;

    try (AwsDestinations aws = destinations(true);
        LoopbackIntake intake = LoopbackIntake.answering()) {
      String sinks = aws.sinksYaml("") + httpAndStdoutYaml(intake);
      try (LocalLambda lambda =
          harness
              .emulator(harness.routing("", sinks))
              .function(FunctionSource.command(FUNCTION))
              .functionTimeout(FUNCTION_TIMEOUT)
              .start()) {
        assertThat(lambda.initSucceeded()).as(harness.extensionLog(lambda)).isTrue();
        for (int i = 0; i < INVOCATIONS; i++) {
          RunReport.InvocationReport invocation = lambda.invoke();
          assertThat(invocation.status()).as(harness.extensionLog(lambda)).isEqualTo("success");
          requestIds.add(invocation.requestId());
        }
        lambda.shutdown("spindown");
        log = harness.extensionLog(lambda);
      }

      List<Map<String, @Nullable Object>> reference = harness.routed();
      Map<String, List<Map<String, @Nullable Object>>> held = new LinkedHashMap<>();
      held.put(FILE, reference);
      held.putAll(aws.allRecords());
      held.put(HTTP, intake.received());
      held.put(STDOUT, JsonLines.fromStdout(log, STDOUT_PREFIX));
      held.forEach(
          (sink, records) -> {
            assertEveryRecordOnce(sink, reference, records);
            for (int i = 0; i < INVOCATIONS; i++) {
              assertThat(functionLines(records, requestIds.get(i)))
                  .as("sink %s, invocation %d", sink, i + 1)
                  .containsExactlyElementsOf(expectedLines(i + 1));
            }
          });
      assertThat(aws.aggregatedStreamRawRecords())
          .as("Kinesis records in the aggregated sink's stream: aggregates of several records")
          .isLessThan(held.get(AwsDestinations.KINESIS_AGGREGATED).size());

      SummaryLine summary = SummaryLine.find(log);
      assertThat(summary.dropped()).as("dropped by the pipeline").isZero();
      assertThat(summary.received()).as("received by the pipeline").isEqualTo(reference.size());
      assertThat(summary.sinks().keySet()).containsExactlyInAnyOrderElementsOf(held.keySet());
      assertEverySinkBalances(summary, held.keySet(), reference.size());
      for (String sink : held.keySet()) {
        SummaryLine.SinkCounts counts = summary.sink(sink);
        assertThat(counts.delivered()).as(sink).isEqualTo(reference.size());
        assertThat(counts.dropped() + counts.deadLettered() + counts.pending()).as(sink).isZero();
      }
    }
  }

  /** The http sink (gzip-compressed) and the stdout sink, under {@code sinks:}. */
  private static String httpAndStdoutYaml(LoopbackIntake intake) {
    return intake.sinkYaml(HTTP, "    gzip: true\n") + "  " + STDOUT + ":\n    type: stdout\n";
  }

  /**
   * The loopback Firehose answers 503 to every request during the first half of the invocations,
   * then recovers. S3 and Kinesis (without aggregation) hold each invocation's lines by the time
   * that invocation has returned, outage or not. What Firehose refused is dead-lettered to the
   * spill file; once it delivers again the engine replays the spill file to it, so each of those
   * lines ends up stored or still spilled, and nothing is both or neither.
   */
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void firehoseFailing_otherSinksDeliverAtOnceAndEveryAccountBalances(@TempDir Path root)
      throws Exception {
    Harness harness = new Harness(root);
    Path spill = root.resolve("spill");
    List<String> requestIds = new ArrayList<>();
    List<List<String>> s3LinesAfterInvoke = new ArrayList<>();
    List<List<String>> kinesisLinesAfterInvoke = new ArrayList<>();
    String log;

    try (AwsDestinations aws = destinations(false)) {
      aws.firehose.then(unavailable(1000));
      String firehoseExtra =
          "    retry: {max_attempts: 2, initial_backoff: 10ms, max_backoff: 20ms}\n"
              + "    dead_letter: {spill_dir: "
              + spill
              + "}\n";
      try (LocalLambda lambda =
          harness
              .emulator(harness.routing("", aws.sinksYaml(firehoseExtra)))
              .function(FunctionSource.command(FUNCTION))
              .functionTimeout(FUNCTION_TIMEOUT)
              .start()) {
        assertThat(lambda.initSucceeded()).as(harness.extensionLog(lambda)).isTrue();
        for (int i = 0; i < INVOCATIONS; i++) {
          if (i == INVOCATIONS / 2) {
            aws.firehose.clearScript();
          }
          RunReport.InvocationReport invocation = lambda.invoke();
          assertThat(invocation.status()).as(harness.extensionLog(lambda)).isEqualTo("success");
          String requestId = invocation.requestId();
          requestIds.add(requestId);
          if (i < INVOCATIONS / 2) {
            s3LinesAfterInvoke.add(functionLines(aws.s3Records(), requestId));
            kinesisLinesAfterInvoke.add(functionLines(aws.kinesisRecords(), requestId));
          }
        }
        lambda.shutdown("spindown");
        log = harness.extensionLog(lambda);
      }

      List<Map<String, @Nullable Object>> reference = harness.routed();
      List<Map<String, @Nullable Object>> firehoseHeld = aws.firehoseRecords();
      List<Map<String, @Nullable Object>> spilled = SpillFiles.entries(spill, "delivery");
      for (int i = 0; i < INVOCATIONS / 2; i++) {
        assertThat(s3LinesAfterInvoke.get(i))
            .as("in S3 when invocation %d returned", i + 1)
            .containsExactlyElementsOf(expectedLines(i + 1));
        assertThat(kinesisLinesAfterInvoke.get(i))
            .as("in Kinesis when invocation %d returned", i + 1)
            .containsExactlyElementsOf(expectedLines(i + 1));
      }
      assertEveryRecordOnce(AwsDestinations.S3, reference, aws.s3Records());
      assertEveryRecordOnce(AwsDestinations.KINESIS, reference, aws.kinesisRecords());
      List<Map<String, @Nullable Object>> firehoseAll = new ArrayList<>(firehoseHeld);
      firehoseAll.addAll(spilled);
      assertEveryRecordOnce("delivery (stored or spilled)", reference, firehoseAll);
      for (int i = 0; i < INVOCATIONS / 2; i++) {
        List<String> storedOrSpilled =
            new ArrayList<>(functionLines(firehoseHeld, requestIds.get(i)));
        storedOrSpilled.addAll(functionLines(spilled, requestIds.get(i)));
        assertThat(storedOrSpilled)
            .as("invocation %d during the outage: stored after replay or still spilled", i + 1)
            .containsExactlyInAnyOrderElementsOf(expectedLines(i + 1));
      }
      for (int i = INVOCATIONS / 2; i < INVOCATIONS; i++) {
        assertThat(functionLines(firehoseHeld, requestIds.get(i)))
            .containsExactlyElementsOf(expectedLines(i + 1));
      }

      SummaryLine summary = SummaryLine.find(log);
      List<String> sinks = new ArrayList<>(aws.sinks());
      sinks.add(FILE);
      assertEverySinkBalances(summary, sinks, reference.size());
      SummaryLine.SinkCounts firehose = summary.sink(AwsDestinations.FIREHOSE);
      assertThat(firehose.delivered()).isEqualTo(firehoseHeld.size());
      // A replayed record was dead-lettered once, then received again from the spill file.
      assertThat(firehose.deadLettered() - firehose.replayed()).isEqualTo(spilled.size());
      assertThat(summary.sink(AwsDestinations.S3).delivered()).isEqualTo(reference.size());
      assertThat(summary.sink(AwsDestinations.KINESIS).delivered()).isEqualTo(reference.size());
    }
  }

  /** Every sink received every routed record and accounts for each one. */
  private static void assertEverySinkBalances(
      SummaryLine summary, Collection<String> sinks, int routed) {
    for (String sink : sinks) {
      SummaryLine.SinkCounts counts = summary.sink(sink);
      assertThat(counts.received() - counts.replayed())
          .as("received by %s from the pipeline", sink)
          .isEqualTo(routed);
      assertThat(counts.balances()).as("%s balances: %s", sink, counts).isTrue();
    }
  }

  private static FakeFirehose.Step[] unavailable(int requests) {
    FakeFirehose.Step[] steps = new FakeFirehose.Step[requests];
    Arrays.fill(steps, new FakeFirehose.Fail(503, "ServiceUnavailableException"));
    return steps;
  }
}
