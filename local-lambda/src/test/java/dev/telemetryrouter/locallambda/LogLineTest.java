package dev.telemetryrouter.locallambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogLineTest {

  private static final Instant TIME = Instant.parse("2026-03-01T10:00:00.123Z");
  private static final Dialect NEW = new Dialect(Dialect.Api.TELEMETRY, "2025-01-29");
  private static final Dialect OLD = new Dialect(Dialect.Api.TELEMETRY, "2022-07-01");
  private static final Dialect LOGS = new Dialect(Dialect.Api.LOGS, "2021-03-18");

  @Test
  void textFormat_isTheLineWithItsNewline_inEveryDialect() {
    LogLine line = new LogLine("{\"a\":1}", LogFormat.TEXT, TIME);

    assertThat(line.render(NEW)).isEqualTo("{\"a\":1}\n");
    assertThat(line.render(OLD)).isEqualTo("{\"a\":1}\n");
    assertThat(line.render(LOGS)).isEqualTo("{\"a\":1}\n");
  }

  @Test
  void jsonFormat_newSchema_parsesJsonAndWrapsText() {
    LogLine json = new LogLine("{\"a\":1}", LogFormat.JSON, TIME);
    LogLine text = new LogLine("hello", LogFormat.JSON, TIME);

    assertThat(json.render(NEW)).isEqualTo(Map.of("a", 1L));
    assertThat(text.render(NEW))
        .isEqualTo(
            Map.of("timestamp", "2026-03-01T10:00:00.123Z", "level", "INFO", "message", "hello"));
  }

  @Test
  void jsonFormat_oldSchemaAndLogsApi_keepStrings() {
    LogLine json = new LogLine("{\"a\":1}", LogFormat.JSON, TIME);
    LogLine text = new LogLine("hello", LogFormat.JSON, TIME);

    assertThat(json.render(OLD)).isEqualTo("{\"a\":1}");
    assertThat(json.render(LOGS)).isEqualTo("{\"a\":1}");
    assertThat(text.render(OLD))
        .isEqualTo(
            "{\"timestamp\":\"2026-03-01T10:00:00.123Z\","
                + "\"level\":\"INFO\",\"message\":\"hello\"}");
  }
}
