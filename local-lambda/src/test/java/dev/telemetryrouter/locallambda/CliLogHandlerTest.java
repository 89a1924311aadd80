package dev.telemetryrouter.locallambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** The handler is driven directly: no logger of the test JVM is reconfigured. */
class CliLogHandlerTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CliLogHandler handler =
      new CliLogHandler(new PrintStream(bytes, true, StandardCharsets.UTF_8));

  private static LogRecord record(Level level, String pattern, Object... params) {
    LogRecord record = new LogRecord(level, pattern);
    record.setLoggerName("dev.telemetryrouter.locallambda.Subscriber");
    record.setInstant(Instant.parse("2026-12-04T17:09:24.123Z"));
    record.setParameters(params);
    return record;
  }

  private List<String> lines() {
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void publish_writesOnePrefixedLineWithTheFormattedMessageAndTheThrowable() {
    LogRecord warning = record(Level.WARNING, "subscriber={0} dropped {1} events", "router", "3");
    warning.setThrown(new ConnectException("refused"));

    handler.publish(warning);
    handler.publish(record(Level.INFO, "init {0}", "success"));

    assertThat(lines())
        .containsExactly(
            "[local-lambda] 2026-12-04T17:09:24.123Z WARN Subscriber: subscriber=router dropped 3"
                + " events: java.net.ConnectException: refused",
            "[local-lambda] 2026-12-04T17:09:24.123Z INFO Subscriber: init success");
  }

  @Test
  void publish_whenAWarningRepeats_showsTheFirstFewAndSummarisesTheRestAtClose() {
    for (int i = 1; i <= 10; i++) {
      handler.publish(record(Level.WARNING, "dropped {0} events", Integer.toString(i)));
    }
    handler.publish(record(Level.WARNING, "another warning"));

    handler.close();

    assertThat(lines())
        .hasSize(CliLogHandler.REPEATS_SHOWN + 2)
        .allSatisfy(line -> assertThat(line).startsWith(CliLogHandler.PREFIX + " "))
        .contains(
            "[local-lambda] 2026-12-04T17:09:24.123Z WARN Subscriber: another warning",
            "[local-lambda] 2026-12-04T17:09:24.123Z WARN Subscriber: 7 more like this were not"
                + " shown; the last: dropped 10 events");
  }

  @Test
  void publish_whenInfoRepeats_showsEveryLine() {
    for (int i = 0; i < 5; i++) {
      handler.publish(record(Level.INFO, "extension={0} started", "router"));
    }

    handler.close();

    assertThat(lines()).hasSize(5);
  }
}
