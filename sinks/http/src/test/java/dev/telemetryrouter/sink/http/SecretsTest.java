package dev.telemetryrouter.sink.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.telemetryrouter.sink.testkit.BatchFactory;
import dev.telemetryrouter.sink.testkit.TestSinkContext;
import dev.telemetryrouter.spi.sink.Sink;
import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Header values and tokens never show in toString, log lines or configuration problems. */
class SecretsTest {

  private static final String TOKEN = "hec-5ecret-70ken";
  private static final String API_KEY = "ApiKey s3cr3t-api-key";

  private final SinkHarness harness = new SinkHarness();
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Logger logger = Logger.getLogger("dev.telemetryrouter.sink.http");
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          String text = MessageFormat.format(record.getMessage(), record.getParameters());
          lines.add(text + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private Intake intake;

  @BeforeEach
  void start() throws Exception {
    intake = new Intake();
    logger.setLevel(Level.ALL);
    logger.addHandler(capture);
  }

  @AfterEach
  void stop() {
    harness.close();
    intake.close();
    logger.removeHandler(capture);
    logger.setLevel(null);
  }

  @Test
  void close_ofASinkCreatedOnlyToValidate_logsNothing() {
    TestSinkContext context =
        TestSinkContext.builder("intake").options(Map.of("url", intake.url("/logs"))).build();
    Sink sink = new HttpSinkProvider().create(context);

    sink.close();

    assertThat(lines).isEmpty();
  }

  @Test
  void toString_ofSink_masksTokenAndHeaderValues() throws Exception {
    Sink sink = harness.sink(secretOptions(intake.url("/services/collector/event?token=" + TOKEN)));

    String text = sink.toString();

    assertThat(text).doesNotContain(TOKEN).doesNotContain("s3cr3t").contains("splunk_hec");
    assertThat(text).contains("/services/collector/event").doesNotContain("?token");
  }

  @Test
  void logLines_whenSendsSucceedAndFail_neverHoldSecrets() throws Exception {
    Sink sink = harness.sink(secretOptions(intake.url("/ingest")));
    BatchFactory factory = harness.factory(sink);
    intake.then(Intake.status(503, "busy")).then(Intake.status(401, "bad token"));

    catchThrowable(() -> harness.send(sink, factory.batch(factory.records(1, "a"))));
    harness.send(sink, factory.batch(factory.records(1, "b")));
    harness.send(sink, factory.batch(factory.records(1, "c")));
    sink.close();

    assertThat(lines).isNotEmpty();
    assertThat(String.join("\n", lines)).doesNotContain(TOKEN).doesNotContain("s3cr3t");
    assertThat(intake.received().getFirst().header("Authorization")).isEqualTo("Splunk " + TOKEN);
  }

  @Test
  void problems_withABadHeaderValue_printItMasked() {
    TestSinkContext context =
        TestSinkContext.of(
            "intake",
            Map.of(
                "url",
                "https://logs.example/ingest",
                "headers",
                Map.of("X-Api-Key", "line1\nsecret-part")));

    new HttpSinkProvider().create(context).close();

    assertThat(context.problemLines()).hasSize(1);
    assertThat(context.problemLines().getFirst())
        .contains("sinks.intake.headers.X-Api-Key")
        .doesNotContain("secret-part");
  }

  private static Map<String, Object> secretOptions(String url) {
    return Map.of(
        "url",
        url,
        "format",
        "splunk_hec",
        "token",
        TOKEN,
        "headers",
        Map.of("X-Api-Key", API_KEY));
  }
}
