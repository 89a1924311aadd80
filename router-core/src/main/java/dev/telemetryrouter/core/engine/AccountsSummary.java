package dev.telemetryrouter.core.engine;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one-line account written at exit: the pipeline's counts, then each sink's, such as {@code
 * summary received=10 dropped=1(filter:level=1) sink=archive received=9 delivered=8 retried=2
 * dropped=0 dead_lettered=1 pending=0 bytes=912}. For each sink, received = delivered + dropped +
 * dead_lettered + pending, where received includes the records replayed from the dead-letter spill
 * file; {@code replayed=N} ends the sink's group when there were any.
 */
public final class AccountsSummary {

  private AccountsSummary() {}

  public static String render(Accounts accounts) {
    StringBuilder line = new StringBuilder("summary");
    line.append(" received=").append(accounts.pipelineReceived());
    appendDropped(line, accounts.pipelineDropped());

    for (Map.Entry<String, Accounts.SinkAccounts> entry : accounts.sinks().entrySet()) {
      Accounts.SinkAccounts sink = entry.getValue();
      line.append(" sink=").append(entry.getKey());
      line.append(" received=").append(sink.received());
      line.append(" delivered=").append(sink.delivered());
      line.append(" retried=").append(sink.retried());
      appendDropped(line, sink.dropped());
      line.append(" dead_lettered=").append(sink.deadLettered());
      line.append(" pending=").append(sink.pending());
      line.append(" bytes=").append(sink.deliveredBytes());
      if (sink.replayed() > 0) {
        // Last, so that readers of the older line (scripts, the e2e checks) still match it.
        line.append(" replayed=").append(sink.replayed());
      }
    }
    return line.toString();
  }

  private static void appendDropped(StringBuilder line, Map<String, Long> dropped) {
    long total = dropped.values().stream().mapToLong(Long::longValue).sum();
    line.append(" dropped=").append(total);
    if (total > 0) {
      line.append(
          dropped.entrySet().stream()
              .map(entry -> entry.getKey() + "=" + entry.getValue())
              .collect(Collectors.joining(",", "(", ")")));
    }
  }
}
