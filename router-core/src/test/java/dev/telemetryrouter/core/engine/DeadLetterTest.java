package dev.telemetryrouter.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.SendResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterTest {

  private final FakeClock clock = new FakeClock();

  @TempDir Path spillDir;

  @Test
  void rejectedRecord_withSpillDirectory_isWrittenAsAJsonLineWithItsReason() throws IOException {
    FakeSink sink = new FakeSink().behave(rejectSecond());
    SinkPlan plan =
        Plans.withDeadLetter(
            Plans.sink("archive", sink), new DeadLetterPolicy(spillDir, 100_000, null));
    Router router = Plans.router(clock, plan);

    router.accept(Records.text(0));
    router.accept(Records.text(1, "to be rejected"));
    router.flushAll(clock.instant().plusSeconds(1));

    List<String> lines = Files.readAllLines(spillDir.resolve("dead-letter-archive.jsonl"));
    assertThat(lines).hasSize(1);
    assertThat(lines.getFirst())
        .startsWith("{\"sink\":\"archive\",\"reason\":\"rejected: HTTP 400\",")
        .contains("\"entry\":{\"time\":")
        .contains("\"id\":\"r1\"")
        .contains("\"message\":\"to be rejected\"");
    Accounts.SinkAccounts accounts = router.accounts().sinks().get("archive");
    assertThat(accounts.deadLettered()).isEqualTo(1);
    assertThat(accounts.delivered()).isEqualTo(1);
    assertThat(accounts.balanced()).isTrue();
  }

  @Test
  void spill_whenTheByteCapIsReached_dropsFurtherDeadLettersCounted() throws IOException {
    FakeSink sink =
        new FakeSink()
            .behave((batch, context) -> SendResult.all(batch.size(), RecordOutcome.rejected("no")));
    SinkPlan plan =
        Plans.withDeadLetter(
            Plans.sink("archive", sink), new DeadLetterPolicy(spillDir, 400, null));
    Router router = Plans.router(clock, plan);

    for (int i = 0; i < 5; i++) {
      router.accept(Records.text(i));
    }
    router.flushAll(clock.instant().plusSeconds(1));

    long spilled = Files.readAllLines(spillDir.resolve("dead-letter-archive.jsonl")).size();
    assertThat(Files.size(spillDir.resolve("dead-letter-archive.jsonl"))).isLessThanOrEqualTo(400);
    Accounts.SinkAccounts accounts = router.accounts().sinks().get("archive");
    assertThat(accounts.deadLettered()).isEqualTo(spilled).isPositive();
    assertThat(accounts.dropped()).containsExactly(Map.entry("dead_letter_full", 5 - spilled));
  }

  @Test
  void rejectedRecords_withDeadLetterSink_areHandedToThatSinkAndDeliveredThere() {
    FakeSink main =
        new FakeSink()
            .behave((batch, context) -> SendResult.all(batch.size(), RecordOutcome.rejected("no")));
    FakeSink backup = new FakeSink();
    SinkPlan mainPlan =
        Plans.withDeadLetter(Plans.sink("main", main), new DeadLetterPolicy(null, 0, "backup"));
    SinkPlan backupPlan = Plans.withRoute(Plans.sink("backup", backup), r -> false, List.of());
    Router router = Plans.router(clock, mainPlan, backupPlan);

    router.accept(Records.text(0));
    router.accept(Records.text(1));
    router.flushAll(clock.instant().plusSeconds(1));

    assertThat(backup.deliveredIds()).containsExactly("r0", "r1");
    Accounts accounts = router.accounts();
    assertThat(accounts.sinks().get("main").deadLettered()).isEqualTo(2);
    assertThat(accounts.sinks().get("backup").received()).isEqualTo(2);
    assertThat(accounts.sinks().get("backup").delivered()).isEqualTo(2);
    assertThat(accounts.pipelineDropped()).isEmpty();
  }

  @Test
  void deadLetterSinks_pointingAtEachOther_neverPassARecordBackAndForth() {
    FakeSink a = new FakeSink().behave(rejectAll());
    FakeSink b = new FakeSink().behave(rejectAll());
    SinkPlan planA = Plans.withDeadLetter(Plans.sink("a", a), new DeadLetterPolicy(null, 0, "b"));
    SinkPlan planB =
        Plans.withRoute(
            Plans.withDeadLetter(Plans.sink("b", b), new DeadLetterPolicy(null, 0, "a")),
            r -> false,
            List.of());
    Router router = Plans.router(clock, planA, planB);

    router.accept(Records.text(0));
    router.flushAll(clock.instant().plusSeconds(1));

    Accounts accounts = router.accounts();
    assertThat(accounts.sinks().get("a").deadLettered()).isEqualTo(1);
    assertThat(accounts.sinks().get("b").dropped()).containsExactly(Map.entry("rejected", 1L));
    assertThat(accounts.sinks().values()).allMatch(Accounts.SinkAccounts::balanced);
  }

  @Test
  void shutdown_withSpillDirectory_spillsWhatCouldNotBeSent() throws IOException {
    FakeSink sink =
        new FakeSink()
            .behave(
                (batch, context) ->
                    SendResult.all(
                        batch.size(),
                        new RecordOutcome.Retryable("throttled", Duration.ofSeconds(5))));
    SinkPlan plan =
        Plans.withDeadLetter(
            Plans.sink("archive", sink), new DeadLetterPolicy(spillDir, 100_000, null));
    Router router = Plans.router(clock, plan);
    router.accept(Records.text(0));
    router.accept(Records.text(1));

    FlushReport report = router.shutdown(clock.instant().plusSeconds(2));

    String spilled =
        Files.readString(spillDir.resolve("dead-letter-archive.jsonl"), StandardCharsets.UTF_8);
    assertThat(spilled.lines()).hasSize(2).allMatch(l -> l.contains("unsent_at_shutdown"));
    assertThat(report.sinks().get("archive").deadLettered()).isEqualTo(2);
    assertThat(report.drained()).isTrue();
    assertThat(sink.closed()).isTrue();
  }

  private static FakeSink.Behaviour rejectAll() {
    return (batch, context) -> SendResult.all(batch.size(), RecordOutcome.rejected("no"));
  }

  private static FakeSink.Behaviour rejectSecond() {
    return (batch, context) ->
        SendResult.of(
            batch.records().stream()
                .map(
                    r ->
                        r.id().equals("r1")
                            ? RecordOutcome.rejected("HTTP 400")
                            : RecordOutcome.DELIVERED)
                .toList());
  }
}
