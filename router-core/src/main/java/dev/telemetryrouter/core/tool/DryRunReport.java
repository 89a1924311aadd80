package dev.telemetryrouter.core.tool;

import dev.telemetryrouter.core.engine.Accounts;
import dev.telemetryrouter.core.engine.AccountsSummary;
import dev.telemetryrouter.core.engine.SinkPlan;
import dev.telemetryrouter.core.lambda.RecordedEvents;
import dev.telemetryrouter.spi.TelemetryRecord;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Prints a dry run: the input, the pipeline's drops, then per sink its batches and drops. */
final class DryRunReport {

  /** Longest message shown beside a dropped record, in characters. */
  private static final int PREVIEW_CHARS = 60;

  private DryRunReport() {}

  static void print(
      PrintStream out,
      String source,
      String eventsFile,
      RecordedEvents.Decoded decoded,
      List<SinkPlan> sinks,
      DryRun.Result result) {
    out.println(
        "dry-run of "
            + source
            + " with "
            + decoded.records().size()
            + " records from "
            + eventsFile);
    decoded.problems().forEach(problem -> out.println("unreadable: " + problem));
    for (TelemetryRecord own : decoded.ownLines()) {
      out.println("not routed: " + describe(own) + " is the extension's own log line");
    }

    Accounts accounts = result.accounts();
    out.println(
        "pipeline: received "
            + accounts.pipelineReceived()
            + ", dropped "
            + total(accounts.pipelineDropped())
            + reasons(accounts.pipelineDropped()));
    for (DryRunTrace.Drop drop : result.trace().drops(DryRunTrace.PIPELINE)) {
      out.println("  dropped " + describe(drop));
    }
    for (TelemetryRecord record : decoded.records()) {
      if (!result.trace().routed(record.id()) && !droppedByPipeline(result, record)) {
        out.println("  unrouted " + describe(record) + ": no sink's when accepted it");
      }
    }

    for (SinkPlan sink : sinks) {
      printSink(out, sink, accounts.sinks().get(sink.name()), result);
    }
    out.println(AccountsSummary.render(accounts));
  }

  private static void printSink(
      PrintStream out, SinkPlan sink, Accounts.SinkAccounts accounts, DryRun.Result result) {
    CaptureSink capture = result.captures().get(sink.name());
    List<CaptureSink.Batch> batches = capture.batches();
    out.println(
        "sink "
            + sink.name()
            + " (type "
            + sink.type()
            + ", encoding "
            + capture.encoding()
            + "): received "
            + accounts.received()
            + ", would send "
            + accounts.delivered()
            + " in "
            + batches.size()
            + (batches.size() == 1 ? " batch" : " batches")
            + ", dropped "
            + accounts.droppedTotal()
            + reasons(accounts.dropped())
            + ", dead-lettered "
            + accounts.deadLettered());

    long turnedAway = result.trace().notRouted(sink.name());
    if (turnedAway > 0) {
      out.println("  not routed here by when: " + turnedAway + " records");
    }
    for (DryRunTrace.Drop drop : result.trace().drops(sink.name())) {
      out.println("  dropped " + describe(drop));
    }
    Set<String> sent = new HashSet<>();
    batches.forEach(batch -> sent.addAll(batch.ids()));
    String cause = engineCause(accounts, result.trace().drops(sink.name()));
    for (TelemetryRecord record : result.trace().passed(sink.name())) {
      if (!sent.contains(record.id())) {
        out.println("  not sent " + describe(record) + ", by the engine: " + cause);
      }
    }
    for (int i = 0; i < batches.size(); i++) {
      CaptureSink.Batch batch = batches.get(i);
      out.println(
          "  batch "
              + (i + 1)
              + ": "
              + batch.lines().size()
              + (batch.lines().size() == 1 ? " record, " : " records, ")
              + size(batch));
      // One record per printed line: a message-encoded record may hold line breaks of its own.
      batch.lines().forEach(line -> out.println("    " + oneLine(line)));
    }
  }

  /**
   * Why records that passed a sink's stages were not sent: the engine counts its own drops
   * (oversize, a full buffer) by reason, not by record, so this names the reasons that remain once
   * the stages' drops are taken out.
   */
  private static String engineCause(Accounts.SinkAccounts accounts, List<DryRunTrace.Drop> drops) {
    Map<String, Long> engine = new TreeMap<>(accounts.dropped());
    for (DryRunTrace.Drop drop : drops) {
      engine.computeIfPresent(drop.reason(), (reason, count) -> count > 1 ? count - 1 : null);
    }
    List<String> causes = new ArrayList<>(engine.keySet());
    if (accounts.deadLettered() > 0) {
      causes.add("dead_letter");
    }
    return String.join(" or ", causes);
  }

  /**
   * The records' bytes, which add up to the accounting line's {@code bytes=}, and beside them, when
   * the sink frames records (a newline, a partition key, brackets), what the batch limit counts.
   */
  private static String size(CaptureSink.Batch batch) {
    String data = batch.dataBytes() + " bytes";
    if (batch.countedBytes() == batch.dataBytes()) {
      return data;
    }
    return data + " (" + batch.countedBytes() + " with framing)";
  }

  private static boolean droppedByPipeline(DryRun.Result result, TelemetryRecord record) {
    return result.trace().drops(DryRunTrace.PIPELINE).stream()
        .anyMatch(drop -> drop.record().id().equals(record.id()));
  }

  private static String describe(DryRunTrace.Drop drop) {
    return describe(drop.record()) + " at " + drop.stagePath() + ": " + drop.reason();
  }

  /** Id, type and the start of the message, on one line. */
  static String describe(TelemetryRecord record) {
    String text = record.message();
    if (text == null && record.payload() instanceof String payload) {
      text = payload;
    }
    if (text == null) {
      return record.id() + " " + record.type();
    }
    String line = oneLine(text).replace("\t", "\\t");
    if (line.length() > PREVIEW_CHARS) {
      line = line.substring(0, PREVIEW_CHARS) + "…";
    }
    return record.id() + " " + record.type() + " \"" + line + "\"";
  }

  private static String oneLine(String text) {
    return text.replace("\r", "\\r").replace("\n", "\\n");
  }

  private static long total(Map<String, Long> dropped) {
    return dropped.values().stream().mapToLong(Long::longValue).sum();
  }

  private static String reasons(Map<String, Long> dropped) {
    if (dropped.isEmpty()) {
      return "";
    }
    return dropped.entrySet().stream()
        .map(entry -> entry.getKey() + "=" + entry.getValue())
        .collect(Collectors.joining(", ", " (", ")"));
  }
}
