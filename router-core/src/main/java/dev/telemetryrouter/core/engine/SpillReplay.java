package dev.telemetryrouter.core.engine;

import dev.telemetryrouter.core.encode.RecordDecoder;
import dev.telemetryrouter.core.encode.RecordEncoder;
import dev.telemetryrouter.core.engine.SinkLedger.From;
import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Offers the records of a sink's dead-letter file to the sink again, one batch at a time: at start
 * (the file may come from an earlier process in the same sandbox) and after each later delivery to
 * the sink. Called under the sink's send lock, so by one thread at a time.
 *
 * <p>Only lines spilled for a reason that may pass ({@link #REPLAYABLE}: retries exhausted, a
 * failed send, unsent at shutdown) are offered; lines of records the destination refused for good
 * stay in the file for people to read. The file is read from its head past a prefix of lines this
 * process keeps ({@code skip}): those refused, and those that failed for good again on replay, so
 * that no record goes round and round; a later process offers the latter once more.
 *
 * <p>A chunk is read without removing anything and holds room in the sink's buffer while it is
 * sent, so memory stays within the buffer's bound. Once settled, the file is rewritten (a new file
 * renamed over it) without the lines whose records were delivered; lines still worth retrying stay
 * and replay waits for the sink's next delivery. A process that dies during a replay leaves the
 * whole chunk in the file: its records go again on the next start, under their original ids, so a
 * receiver can drop those it has. At least once, never lost.
 *
 * <p>Accounts: a line offered again counts as {@code received} and {@code replayed}, then as
 * delivered, or as dead-lettered again while it stays in the file. A line that cannot be read back
 * is dropped as {@value #UNREADABLE}. Lines not offered are not counted.
 */
final class SpillReplay {

  /** Reason for a line of the dead-letter file that cannot be read back as a record. */
  static final String UNREADABLE = "dead_letter_unreadable";

  /** Spill reasons whose records may be delivered on another try. */
  static final Set<String> REPLAYABLE =
      Set.of(SendOutcome.RETRIES_EXHAUSTED, SendOutcome.SEND_ERROR, SinkFlow.UNSENT_AT_SHUTDOWN);

  private static final System.Logger log = System.getLogger(SpillReplay.class.getName());

  /** What becomes of one line of a chunk. */
  private enum Fate {
    /** Not offered, or failed for good again: kept in the prefix this process skips. */
    SKIP,
    /** Offered and not settled for good: kept where replay will find it next time. */
    RETRY,
    /** Delivered, or unreadable: removed. */
    REMOVE,
    /** Offered in this chunk's batch; becomes one of the others when settled. */
    SEND
  }

  /**
   * Lines read past the skipped prefix, and the records among them that go out as one batch.
   *
   * @param fates what becomes of each line, by index
   * @param lineOf the index of each record's line, by record identity
   * @param regionBytes the bytes of {@code lines} in the file
   * @param cost the buffer room held while the chunk is out
   */
  record Chunk(
      List<byte[]> lines,
      Fate[] fates,
      List<QueuedRecord> records,
      Map<TelemetryRecord, Integer> lineOf,
      long regionBytes,
      long cost) {}

  private final SinkIdentity identity;
  private final SpillFile spill;
  private final SinkBuffer buffer;
  private final Batcher batcher;
  private final OversizeGuard oversize;
  private final RecordEncoding encoding;
  private final SinkLedger ledger;
  private final InstantSource clock;
  private final OnceLog once = new OnceLog();
  private volatile boolean wanted = true;
  private long skip;

  SpillReplay(
      SinkIdentity identity,
      SpillFile spill,
      SinkBuffer buffer,
      Batcher batcher,
      OversizeGuard oversize,
      RecordEncoding encoding,
      SinkLedger ledger,
      InstantSource clock) {
    this.identity = identity;
    this.spill = spill;
    this.buffer = buffer;
    this.batcher = batcher;
    this.oversize = oversize;
    this.encoding = encoding;
    this.ledger = ledger;
    this.clock = clock;
  }

  /** Whether a replay should run when the sink is next free. */
  boolean wanted() {
    return wanted;
  }

  /** After a delivery: the sink works, so the file is worth another try. */
  void want() {
    wanted = spill.size() > skip;
  }

  /** The next chunk, counted as replayed; null when there is none or no room for one. */
  @Nullable Chunk next() {
    if (!wanted) {
      return null;
    }
    SinkBuffer.Room room = buffer.room();
    int maxLines = Math.min(room.records(), batcher.maxRecords());
    // A line is at least as long as its record's JSON, so a batch's bytes of lines are enough.
    long maxBytes = Math.min(room.bytes(), batcher.maxBytes());
    List<byte[]> lines = spill.lines(skip, maxLines, maxBytes);
    Fate[] fates = new Fate[lines.size()];
    List<QueuedRecord> records = new ArrayList<>();
    Map<TelemetryRecord, Integer> lineOf = new IdentityHashMap<>();
    long cost = 0;
    int used = 0;
    for (; used < lines.size(); used++) {
      QueuedRecord record = read(lines.get(used), fates, used);
      if (record == null) {
        continue;
      }
      long batchBytes = batcher.bytes(List.of()) + cost + record.cost();
      if (cost + record.cost() > room.bytes() || batchBytes > batcher.maxBytes()) {
        break;
      }
      records.add(record);
      lineOf.put(record.record(), used);
      cost += record.cost();
    }

    if (used == 0 || !buffer.reserve(records.size(), cost)) {
      wanted = false;
      return null;
    }
    List<byte[]> region = List.copyOf(lines.subList(0, used));
    int unreadable = count(fates, used, Fate.REMOVE);
    ledger.replay(records.size() + unreadable);
    if (unreadable > 0) {
      ledger.drop(From.IN_FLIGHT, UNREADABLE, unreadable);
    }
    long regionBytes = region.stream().mapToLong(line -> line.length).sum();
    return new Chunk(region, fates, records, lineOf, regionBytes, cost);
  }

  /** Accounts for what became of a chunk's records and rewrites the file to match. */
  void settle(Chunk chunk, SendOutcome outcome) {
    Fate[] fates = chunk.fates();
    long bytes = outcome.delivered().stream().mapToLong(record -> record.data().length).sum();
    ledger.deliver(outcome.delivered().size(), bytes);
    outcome.delivered().forEach(record -> fates[chunk.lineOf().get(record.record())] = Fate.REMOVE);
    for (SendOutcome.Failure failure : outcome.failed()) {
      boolean again = failure.reason().equals(SendOutcome.RETRIES_EXHAUSTED);
      fates[chunk.lineOf().get(failure.record().record())] = again ? Fate.RETRY : Fate.SKIP;
      if (!again) {
        logFinal(failure);
      }
    }
    outcome.unsent().forEach(record -> fates[chunk.lineOf().get(record.record())] = Fate.RETRY);
    ledger.deadLetter(From.IN_FLIGHT, outcome.failed().size() + outcome.unsent().size());

    List<byte[]> skipped = linesOf(chunk, Fate.SKIP);
    List<byte[]> retry = linesOf(chunk, Fate.RETRY);
    List<byte[]> region = new ArrayList<>(skipped);
    region.addAll(retry);
    if (!sameLines(region, chunk.lines())) {
      spill.replace(skip, chunk.regionBytes(), region);
    }
    skip += skipped.stream().mapToLong(line -> line.length).sum();
    buffer.release(chunk.records().size(), chunk.cost());
    wanted = retry.isEmpty() && spill.size() > skip;
    log.log(
        Level.DEBUG,
        "{0} replayed {1} dead letters: {2} delivered, {3} kept for later",
        identity,
        chunk.records().size(),
        outcome.delivered().size(),
        retry.size() + skipped.size());
  }

  /** The record of one line as the sink will get it, or null with the line's fate set. */
  private @Nullable QueuedRecord read(byte[] line, Fate[] fates, int index) {
    TelemetryRecord record;
    try {
      if (!(RecordDecoder.parse(line) instanceof Map<?, ?> entry)
          || !(entry.get("entry") instanceof Map<?, ?> json)) {
        throw new IOException("not a dead-letter entry");
      }
      if (!(entry.get("reason") instanceof String reason) || !replayable(reason)) {
        fates[index] = Fate.SKIP;
        return null;
      }
      @SuppressWarnings("unchecked")
      Map<String, @Nullable Object> fields = (Map<String, @Nullable Object>) json;
      record = RecordDecoder.record(fields);
    } catch (IOException e) {
      logUnreadable(e);
      fates[index] = Fate.REMOVE;
      return null;
    }

    OversizeGuard.Fitted fitted = oversize.fit(record, RecordEncoder.encode(record, encoding));
    if (fitted == null) {
      fates[index] = Fate.SKIP;
      return null;
    }
    fates[index] = Fate.SEND;
    long cost = oversize.cost(fitted.data());
    return new QueuedRecord(fitted.record(), fitted.data(), cost, clock.instant(), 0, true);
  }

  private static boolean replayable(String reason) {
    int colon = reason.indexOf(':');
    return REPLAYABLE.contains(colon < 0 ? reason : reason.substring(0, colon));
  }

  private static List<byte[]> linesOf(Chunk chunk, Fate fate) {
    List<byte[]> lines = new ArrayList<>();
    for (int i = 0; i < chunk.lines().size(); i++) {
      if (chunk.fates()[i] == fate) {
        lines.add(chunk.lines().get(i));
      }
    }
    return lines;
  }

  private static int count(Fate[] fates, int upTo, Fate fate) {
    int count = 0;
    for (int i = 0; i < upTo; i++) {
      count += fates[i] == fate ? 1 : 0;
    }
    return count;
  }

  /** Whether two lists hold the same line objects in the same order. */
  private static boolean sameLines(List<byte[]> a, List<byte[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) != b.get(i)) {
        return false;
      }
    }
    return true;
  }

  private void logUnreadable(IOException e) {
    if (once.first(UNREADABLE)) {
      log.log(
          Level.ERROR,
          "{0} a line of {1} cannot be read back ({2}); it is dropped. Later ones are only counted",
          identity,
          spill.file(),
          e.getMessage());
    }
  }

  private void logFinal(SendOutcome.Failure failure) {
    if (once.first(failure.reason())) {
      log.log(
          Level.WARNING,
          "{0} a replayed dead letter failed for good ({1}: {2}); it stays in the dead-letter file"
              + " and is not offered again by this process. Later ones are only counted",
          identity,
          failure.reason(),
          failure.detail());
    }
  }
}
