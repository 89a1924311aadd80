package dev.telemetryrouter.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterLoggerTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void log_writesOnePrefixedLineWithLevelShortNameAndPlaceholdersApplied() {
    System.Logger log = logger(Level.INFO);

    log.log(Level.INFO, "sink={0} type={1} flushed {2} records", "archive", "firehose", 12345);

    assertThat(lines())
        .containsExactly(
            "[telemetry-router] INFO Router sink=archive type=firehose flushed 12345 records");
  }

  @Test
  void log_withThrowableLast_rendersItCompactlyOnPrefixedLines() {
    System.Logger log = logger(Level.INFO);
    Exception failure = new IllegalStateException("outer", new java.io.IOException("inner"));

    log.log(Level.ERROR, "sink={0} send failed", "archive", failure);

    List<String> lines = lines();
    assertThat(lines.getFirst())
        .isEqualTo("[telemetry-router] ERROR Router sink=archive send failed");
    assertThat(lines).allMatch(line -> line.startsWith(RouterLog.PREFIX));
    assertThat(lines).anyMatch(line -> line.contains("java.lang.IllegalStateException: outer"));
    assertThat(lines).anyMatch(line -> line.contains("caused by: java.io.IOException: inner"));
    assertThat(lines).hasSizeLessThan(20);
  }

  @Test
  void log_whenTheMessageHasNewlines_prefixesEveryLine() {
    System.Logger log = logger(Level.INFO);

    log.log(Level.WARNING, "first\nsecond");

    assertThat(lines())
        .containsExactly("[telemetry-router] WARNING Router first", "[telemetry-router]  | second");
  }

  @Test
  void log_belowTheThreshold_writesNothing() {
    System.Logger log = logger(Level.WARNING);

    log.log(Level.INFO, "quiet {0}", 1);
    log.log(Level.DEBUG, "quieter");

    assertThat(bytes.size()).isZero();
    assertThat(log.isLoggable(Level.ERROR)).isTrue();
  }

  @Test
  void parseLevel_acceptsNamesInAnyCaseAndWarn_andFallsBackToInfo() {
    assertThat(RouterLog.parseLevel("debug")).isEqualTo(Level.DEBUG);
    assertThat(RouterLog.parseLevel(" warn ")).isEqualTo(Level.WARNING);
    assertThat(RouterLog.parseLevel("OFF")).isEqualTo(Level.OFF);
    assertThat(RouterLog.parseLevel("verbose")).isEqualTo(Level.INFO);
    assertThat(RouterLog.parseLevel(null)).isEqualTo(Level.INFO);
  }

  @Test
  void getLogger_outsideOurPackages_staysAtWarningWhenOursIsDebug() {
    RouterLoggerFinder finder = new RouterLoggerFinder(Level.DEBUG, () -> out);
    Module module = getClass().getModule();

    for (String jdk :
        List.of(
            "jdk.event.security",
            "sun.net.httpserver",
            "java.lang.Runtime",
            "javax.management",
            "com.sun.net.httpserver",
            "org.example.Library",
            "dev.telemetryrouterx.Other")) {
      System.Logger log = finder.getLogger(jdk, module);
      log.log(Level.DEBUG, "per-request detail");
      log.log(Level.INFO, "chatter");
      assertThat(log.isLoggable(Level.WARNING)).as(jdk).isTrue();
    }
    finder.getLogger("dev.telemetryrouter.core.lambda.X", module).log(Level.DEBUG, "ours");

    assertThat(lines()).containsExactly("[telemetry-router] DEBUG X ours");
  }

  @Test
  void getLogger_whenOthersLevelIsSet_followsItForJdkLoggersOnly() {
    RouterLoggerFinder finder = new RouterLoggerFinder(Level.ERROR, "debug", () -> out);
    Module module = getClass().getModule();

    finder.getLogger("sun.net.httpserver", module).log(Level.DEBUG, "exchange");
    finder.getLogger("dev.telemetryrouter.core.Main", module).log(Level.WARNING, "quiet");

    assertThat(lines()).containsExactly("[telemetry-router] DEBUG httpserver exchange");
  }

  @Test
  void othersLevel_whenUnset_isWarningOrOursWhenStricter() {
    assertThat(RouterLog.othersLevel(null, Level.TRACE)).isEqualTo(Level.WARNING);
    assertThat(RouterLog.othersLevel("", Level.ERROR)).isEqualTo(Level.ERROR);
    assertThat(RouterLog.othersLevel("nonsense", Level.OFF)).isEqualTo(Level.OFF);
    assertThat(RouterLog.othersLevel("info", Level.ERROR)).isEqualTo(Level.INFO);
  }

  @Test
  void loggerFinder_isTheOneTheJdkUses() {
    System.LoggerFinder finder = System.LoggerFinder.getLoggerFinder();

    assertThat(finder).isInstanceOf(RouterLoggerFinder.class);
    assertThat(RouterLog.isOwnLine("[telemetry-router] INFO Router started")).isTrue();
  }

  private System.Logger logger(Level threshold) {
    return new RouterLoggerFinder(threshold, () -> out)
        .getLogger("dev.telemetryrouter.core.engine.Router", getClass().getModule());
  }

  private List<String> lines() {
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
