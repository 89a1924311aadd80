package dev.telemetryrouter.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The extension's accounting summary line, written once at exit, read back from its log: {@code
 * summary received=.. dropped=.. sink=<name> received=.. delivered=.. retried=.. dropped=..(..)
 * dead_lettered=.. pending=.. bytes=..[ replayed=..]}, one group per sink; {@code received}
 * includes the records replayed from the dead-letter spill file. The first {@code received} and
 * {@code dropped} are the shared pipeline's: records that entered it, and those it dropped before
 * any sink (none of the routes accepted them, say).
 */
record SummaryLine(long received, long dropped, Map<String, SinkCounts> sinks) {

  /** One sink's counts from the line. */
  record SinkCounts(
      long received, long delivered, long dropped, long deadLettered, long pending, long replayed) {

    /** What the extension promises for every sink: every record it received is accounted for. */
    boolean balances() {
      return received == delivered + dropped + deadLettered + pending;
    }
  }

  /** The pipeline's counts, before the first sink's group. */
  private static final Pattern PIPELINE =
      Pattern.compile(" summary received=(\\d+) dropped=(\\d+)[ (]");

  private static final Pattern SINK =
      Pattern.compile(
          " sink=(\\S+) received=(\\d+) delivered=(\\d+) retried=\\d+"
              + " dropped=(\\d+)(?:\\([^)]*\\))? dead_lettered=(\\d+) pending=(\\d+)"
              + " bytes=\\d+(?: replayed=(\\d+))?");

  /** The one summary line of {@code log}; fails unless there is exactly one. */
  static SummaryLine find(String log) {
    List<String> lines = log.lines().filter(l -> l.contains(" summary received=")).toList();
    if (lines.size() != 1) {
      throw new AssertionError("expected one summary line in the extension log, found " + lines);
    }

    Matcher pipeline = PIPELINE.matcher(lines.getFirst());
    if (!pipeline.find()) {
      throw new AssertionError("no pipeline counts in the summary line: " + lines.getFirst());
    }
    Map<String, SinkCounts> sinks = new LinkedHashMap<>();
    Matcher matcher = SINK.matcher(lines.getFirst());
    while (matcher.find()) {
      sinks.put(
          matcher.group(1),
          new SinkCounts(
              Long.parseLong(matcher.group(2)),
              Long.parseLong(matcher.group(3)),
              Long.parseLong(matcher.group(4)),
              Long.parseLong(matcher.group(5)),
              Long.parseLong(matcher.group(6)),
              matcher.group(7) == null ? 0 : Long.parseLong(matcher.group(7))));
    }
    return new SummaryLine(
        Long.parseLong(pipeline.group(1)), Long.parseLong(pipeline.group(2)), Map.copyOf(sinks));
  }

  SinkCounts sink(String name) {
    SinkCounts counts = sinks.get(name);
    if (counts == null) {
      throw new AssertionError("no sink " + name + " in the summary line: " + sinks.keySet());
    }
    return counts;
  }
}
