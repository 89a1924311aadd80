package dev.telemetryrouter.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telemetryrouter.core.encode.RecordEncoder;
import dev.telemetryrouter.spi.sink.OutgoingRecord;
import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.RetryableSinkException;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.SinkBatch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillReplayTest {

  /** Thrown by a destination to stand for the process dying in the middle of a send. */
  private static final class ProcessDied extends Error {
    private static final long serialVersionUID = 1L;
  }

  /** The first id after the entry starts: the record's own (the encoder writes it third). */
  private static final Pattern ENTRY_ID = Pattern.compile("\"entry\":\\{[^}]*?\"id\":\"([^\"]+)\"");

  private final FakeClock clock = new FakeClock();

  @TempDir Path spillDir;

  @Test
  void sendDue_withAFileFromAnEarlierProcess_replaysItUnderTheOriginalIdsAndRemovesIt()
      throws IOException {
    copyFixture("dead-letter-archive.jsonl");
    FakeSink sink = new FakeSink();
    Router router = Plans.router(clock, spilling(Plans.sink("archive", sink)));

    router.sendDue();

    assertThat(sink.deliveredIds()).containsExactly("r0", "r1", "r2");
    assertThat(sink.delivered())
        .allSatisfy(r -> assertThat(r.data()).isEqualTo(RecordEncoder.json(r.record())));
    assertThat(spilledIds()).as("refused for good: kept to be read").containsExactly("r8");
    Accounts.SinkAccounts accounts = router.accounts().sinks().get("archive");
    assertThat(accounts.replayed()).isEqualTo(3);
    assertThat(accounts.received()).isEqualTo(3);
    assertThat(accounts.delivered()).isEqualTo(3);
    assertThat(accounts.balanced()).isTrue();
    assertThat(AccountsSummary.render(router.accounts()))
        .startsWith("summary received=0 dropped=0 sink=archive received=3 delivered=3 ")
        .endsWith(" replayed=3");
  }

  @Test
  void replay_whenTheSinkRefusesARecordForGood_keepsItsLineAndOffersItOnlyOncePerProcess()
      throws IOException {
    copyFixture("dead-letter-archive.jsonl");
    FakeSink sink = new FakeSink().behave((batch, context) -> rejectId(batch, "r1"));
    Router router = Plans.router(clock, spilling(Plans.sink("archive", sink)));

    router.sendDue();
    router.accept(Records.text(7));
    clock.advance(Plans.BATCH.maxAge());
    router.sendDue();
    FakeSink next = new FakeSink();
    Plans.router(clock, spilling(Plans.sink("archive", next))).sendDue();

    assertThat(sink.deliveredIds()).containsExactly("r0", "r2", "r7");
    assertThat(sink.batches()).hasSize(2);
    assertThat(next.deliveredIds()).as("a later process tries it once more").containsExactly("r1");
    Accounts.SinkAccounts accounts = router.accounts().sinks().get("archive");
    assertThat(accounts.deadLettered()).isEqualTo(1);
    assertThat(accounts.dropped()).isEmpty();
    assertThat(accounts.balanced()).isTrue();
  }

  @Test
  void replay_ofWhatAFailingProcessSpilled_deliversEveryRecordOnceInTheNextProcess() {
    FakeSink down =
        new FakeSink()
            .behave(
                (batch, context) -> {
                  throw new RetryableSinkException("HTTP 503", null);
                });
    Router first = Plans.router(clock, spilling(Plans.sink("archive", down)));
    for (int i = 0; i < 5; i++) {
      first.accept(Records.text(i));
    }
    first.shutdown(clock.instant().plusSeconds(5));
    FakeSink up = new FakeSink();
    Router second = Plans.router(clock, spilling(Plans.sink("archive", up)));

    second.sendDue();

    assertThat(up.deliveredIds()).containsExactly("r0", "r1", "r2", "r3", "r4");
    assertThat(first.accounts().sinks().get("archive").deadLettered()).isEqualTo(5);
    assertThat(second.accounts().sinks().get("archive").replayed()).isEqualTo(5);
    assertThat(Files.exists(spillFile())).as("emptied, then removed").isFalse();
  }

  @Test
  void replay_takesNoMoreRoomThanTheBufferHasLeft() throws IOException {
    copyFixture("dead-letter-archive.jsonl");
    FakeSink sink = new FakeSink();
    BufferPolicy twoRecords =
        new BufferPolicy(2, 1_000_000, BufferPolicy.Overflow.DROP_NEWEST, Duration.ZERO);
    Router router =
        Plans.router(clock, Plans.withBuffer(spilling(Plans.sink("archive", sink)), twoRecords));
    router.accept(Records.text(7));

    router.sendDue();

    assertThat(sink.batches())
        .extracting(batch -> batch.records().stream().map(OutgoingRecord::id).toList())
        .containsExactly(List.of("r0"), List.of("r1"), List.of("r2"));
    assertThat(router.channel("archive").buffered()).isEqualTo(1);
    assertThat(router.accounts().sinks().get("archive").balanced()).isTrue();
  }

  @Test
  void replay_whileTheSinkStillFails_keepsTheLinesAndWaitsForALaterDelivery() throws IOException {
    copyFixture("dead-letter-archive.jsonl");
    List<String> before = spilledIds();
    AtomicInteger failing = new AtomicInteger(1);
    FakeSink sink =
        new FakeSink()
            .behave(
                (batch, context) -> {
                  if (failing.get() == 1) {
                    throw new RetryableSinkException("HTTP 503", null);
                  }
                  return SendResult.allDelivered(batch.size());
                });
    Router router = Plans.router(clock, spilling(Plans.sink("archive", sink)));

    router.sendDue();
    List<String> afterFailure = spilledIds();
    int sendsAfterFailure = sink.batches().size();
    router.sendDue();
    int sendsWhileWaiting = sink.batches().size();
    failing.set(0);
    router.accept(Records.text(7));
    clock.advance(Plans.BATCH.maxAge());
    router.sendDue();

    assertThat(afterFailure).containsExactlyInAnyOrderElementsOf(before);
    assertThat(sendsAfterFailure).isEqualTo(Plans.RETRY.maxAttempts());
    assertThat(sendsWhileWaiting).isEqualTo(sendsAfterFailure);
    assertThat(sink.deliveredIds()).containsExactly("r7", "r0", "r1", "r2");
    Accounts.SinkAccounts accounts = router.accounts().sinks().get("archive");
    assertThat(accounts.replayed()).isEqualTo(6);
    assertThat(accounts.deadLettered()).as("kept in the file after the first try").isEqualTo(3);
    assertThat(accounts.balanced()).isTrue();
    assertThat(spilledIds()).containsExactly("r8");
  }

  @Test
  void replay_cutShortByTheProcessDying_sendsTheRestOnTheNextStartAndLosesNothing()
      throws IOException {
    copyFixture("dead-letter-archive.jsonl");
    FakeSink dying =
        new FakeSink()
            .behave(
                (batch, context) -> {
                  if (batch.records().getFirst().id().equals("r1")) {
                    throw new ProcessDied();
                  }
                  return SendResult.allDelivered(batch.size());
                });
    BatchPolicy onePerBatch = new BatchPolicy(1, 1_000_000, Duration.ofSeconds(1));
    Router first =
        Plans.router(clock, Plans.withBatch(spilling(Plans.sink("archive", dying)), onePerBatch));
    assertThatThrownBy(first::sendDue).isInstanceOf(ProcessDied.class);
    List<String> left = spilledIds();
    FakeSink up = new FakeSink();
    Router second =
        Plans.router(clock, Plans.withBatch(spilling(Plans.sink("archive", up)), onePerBatch));

    second.sendDue();

    assertThat(dying.deliveredIds()).containsExactly("r0");
    assertThat(left).containsExactly("r1", "r8", "r2");
    assertThat(up.deliveredIds()).containsExactly("r1", "r2");
    assertThat(spilledIds()).containsExactly("r8");
  }

  @Test
  void replay_withATornLastLineAndAStaleTemporaryFile_dropsOnlyTheTornLineCounted()
      throws IOException {
    copyFixture("dead-letter-archive.jsonl");
    Files.write(
        spillFile(), fixture("dead-letter-torn-tail.txt"), java.nio.file.StandardOpenOption.APPEND);
    Path stale = spillDir.resolve("dead-letter-archive.jsonl.tmp");
    Files.writeString(stale, "half a rewrite from a process that died");
    FakeSink sink = new FakeSink();
    Router router = Plans.router(clock, spilling(Plans.sink("archive", sink)));

    router.sendDue();

    assertThat(sink.deliveredIds()).containsExactly("r0", "r1", "r2");
    Accounts.SinkAccounts accounts = router.accounts().sinks().get("archive");
    assertThat(accounts.dropped()).containsExactly(Map.entry(SpillReplay.UNREADABLE, 1L));
    assertThat(accounts.replayed()).isEqualTo(4);
    assertThat(accounts.balanced()).isTrue();
    assertThat(spilledIds()).containsExactly("r8");
    assertThat(Files.exists(stale)).isFalse();
  }

  @Test
  void spill_afterATornLastLine_keepsTheNextEntryReadable() throws IOException {
    Files.write(spillFile(), fixture("dead-letter-torn-tail.txt"));
    FakeSink sink =
        new FakeSink()
            .behave(
                (batch, context) -> {
                  throw new IllegalStateException("HTTP 403");
                });
    Router first = Plans.router(clock, spilling(Plans.sink("archive", sink)));
    first.accept(Records.text(5));
    first.flushAll(clock.instant().plusSeconds(1));
    FakeSink up = new FakeSink();
    Router second = Plans.router(clock, spilling(Plans.sink("archive", up)));

    second.sendDue();

    assertThat(up.deliveredIds()).containsExactly("r5");
    assertThat(second.accounts().sinks().get("archive").dropped())
        .containsExactly(Map.entry(SpillReplay.UNREADABLE, 1L));
  }

  private static SendResult rejectId(SinkBatch batch, String id) {
    return SendResult.of(
        batch.records().stream()
            .map(
                r ->
                    r.id().equals(id)
                        ? RecordOutcome.rejected("HTTP 400")
                        : RecordOutcome.DELIVERED)
            .toList());
  }

  /** The ids of the entries in the spill file, in file order; none when there is no file. */
  private List<String> spilledIds() throws IOException {
    if (!Files.exists(spillFile())) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    for (String line : Files.readAllLines(spillFile())) {
      Matcher id = ENTRY_ID.matcher(line);
      ids.add(id.find() ? id.group(1) : line);
    }
    return ids;
  }

  private SinkPlan spilling(SinkPlan plan) {
    return Plans.withDeadLetter(plan, new DeadLetterPolicy(spillDir, 1_000_000, null));
  }

  private Path spillFile() {
    return spillDir.resolve("dead-letter-archive.jsonl");
  }

  private void copyFixture(String name) throws IOException {
    Files.write(spillFile(), fixture(name));
  }

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = SpillReplayTest.class.getResourceAsStream("/engine/" + name)) {
      return in.readAllBytes();
    }
  }
}
