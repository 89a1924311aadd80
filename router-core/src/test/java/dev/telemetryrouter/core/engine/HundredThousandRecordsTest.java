package dev.telemetryrouter.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.SinkBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HundredThousandRecordsTest {

  private static final int RECORDS = 100_000;
  private static final String[] LEVELS = {"DEBUG", "INFO", "INFO", "WARN", "ERROR"};

  /** Sends to the alerts sink that fail half of their records, before it recovers. */
  private static final int FAILING_SENDS = 400;

  private static final Pattern SPILLED_ID =
      Pattern.compile("\"entry\":\\{[^}]*?\"id\":\"(r\\d+)\"");

  @TempDir Path spillDir;

  @Test
  void records_throughPipelineIntoTwoSinks_oneFailingHalfForAWhile_areAllAccountedFor()
      throws IOException {
    FakeClock clock = new FakeClock();
    FakeSink archive = new FakeSink();
    FakeSink alerts = new FakeSink().behave(failHalfAtFirst(new SplittableRandom(7)));
    Router router = Plans.router(clock, 11, PipelineStages.all(), archive(archive), alerts(alerts));

    Set<String> expectedArchive = new HashSet<>();
    Set<String> expectedAlerts = new HashSet<>();
    for (int n = 0; n < RECORDS; n++) {
      String level = LEVELS[n % LEVELS.length];
      String message = "order " + n + " #" + (n % 17);
      router.accept(record(n, level + " " + message));
      if (!level.equals("DEBUG") && !message.endsWith("#13")) {
        expectedArchive.add("r" + n);
        if (level.equals("WARN") || level.equals("ERROR")) {
          expectedAlerts.add("r" + n);
        }
      }
      if (n % 1_000 == 999) {
        router.sendDue();
        clock.advance(Duration.ofMillis(50));
      }
      if (n % 10_000 == 9_999) {
        router.endOfInvocation(clock.instant().plusSeconds(2));
      }
    }
    router.flushAll(clock.instant().plusSeconds(120));
    router.shutdown(clock.instant().plusSeconds(10));

    Accounts accounts = router.accounts();
    assertThat(accounts.pipelineReceived()).isEqualTo(RECORDS);
    assertThat(accounts.pipelineDropped())
        .containsEntry("filter:level", (long) RECORDS / LEVELS.length)
        .containsEntry(
            "stage_error:pipeline[3]",
            (long) RECORDS - expectedArchive.size() - RECORDS / LEVELS.length);
    for (Accounts.SinkAccounts sink : accounts.sinks().values()) {
      assertThat(sink.balanced()).as("%s", sink).isTrue();
      assertThat(sink.pending()).isZero();
    }

    assertThat(archive.deliveredIds()).doesNotHaveDuplicates();
    assertThat(new HashSet<>(archive.deliveredIds())).isEqualTo(expectedArchive);
    assertThat(accounts.sinks().get("archive").delivered()).isEqualTo(expectedArchive.size());

    List<String> spilled = spilledIds();
    List<String> alertsSeen = new ArrayList<>(alerts.deliveredIds());
    alertsSeen.addAll(spilled);
    assertThat(alertsSeen).doesNotHaveDuplicates();
    assertThat(new HashSet<>(alertsSeen)).isEqualTo(expectedAlerts);
    Accounts.SinkAccounts alertAccounts = accounts.sinks().get("alerts");
    // Records replayed from the spill file count as received again, and those that stay in the
    // file as dead-lettered again: the file holds deadLettered - replayed.
    assertThat(alertAccounts.received() - alertAccounts.replayed())
        .isEqualTo(expectedAlerts.size());
    assertThat(alertAccounts.deadLettered() - alertAccounts.replayed()).isEqualTo(spilled.size());
    assertThat(alertAccounts.retried()).isPositive();
    assertThat(alertAccounts.dropped()).isEmpty();
  }

  private List<String> spilledIds() throws IOException {
    Path file = spillDir.resolve("dead-letter-alerts.jsonl");
    List<String> ids = new ArrayList<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file)) {
        Matcher matcher = SPILLED_ID.matcher(line);
        assertThat(matcher.find()).as(line).isTrue();
        ids.add(matcher.group(1));
      }
    }
    return ids;
  }

  private static FakeSink.Behaviour failHalfAtFirst(SplittableRandom random) {
    AtomicInteger sends = new AtomicInteger();
    return (SinkBatch batch, dev.telemetryrouter.spi.sink.SendContext context) -> {
      if (sends.incrementAndGet() > FAILING_SENDS) {
        return SendResult.allDelivered(batch.size());
      }
      List<RecordOutcome> outcomes = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        outcomes.add(
            random.nextBoolean() ? RecordOutcome.DELIVERED : RecordOutcome.retryable("throttled"));
      }
      return SendResult.of(outcomes);
    };
  }

  private static SinkPlan archive(FakeSink sink) {
    return Plans.withBatch(
        Plans.sink("archive", sink), new BatchPolicy(500, 4_000_000, Duration.ofSeconds(1)));
  }

  private SinkPlan alerts(FakeSink sink) {
    SinkPlan plan =
        Plans.withRoute(
            Plans.sink("alerts", sink),
            r -> "WARN".equals(r.level()) || "ERROR".equals(r.level()),
            List.of());
    plan = Plans.withBatch(plan, new BatchPolicy(100, 1_000_000, Duration.ofSeconds(1)));
    plan = Plans.withRetry(plan, new RetryPolicy(6, Duration.ofMillis(20), Duration.ofMillis(200)));
    return Plans.withDeadLetter(plan, new DeadLetterPolicy(spillDir, 50_000_000, null));
  }

  private static TelemetryRecord record(int n, String line) {
    return TelemetryRecord.builder(Instant.EPOCH.plusMillis(n), "function", line)
        .id("r" + n)
        .field("requestId", "req-" + n / 100)
        .build();
  }
}
