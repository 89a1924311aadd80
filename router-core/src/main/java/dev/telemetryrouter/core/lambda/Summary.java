package dev.telemetryrouter.core.lambda;

import dev.telemetryrouter.core.engine.Accounts;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders the accounts as the one summary line written at exit. */
final class Summary {

  private Summary() {}

  /**
   * {@code received=N dropped=N[reason=N,...] sinks[name: received=N delivered=N dropped=N
   * dead_lettered=N pending=N]}.
   */
  static String of(Accounts accounts) {
    StringBuilder line = new StringBuilder();
    line.append("received=").append(accounts.pipelineReceived());
    line.append(" dropped=").append(reasons(accounts.pipelineDropped()));
    accounts
        .sinks()
        .forEach(
            (name, sink) ->
                line.append(" sink=")
                    .append(name)
                    .append("[received=")
                    .append(sink.received())
                    .append(" delivered=")
                    .append(sink.delivered())
                    .append(" dropped=")
                    .append(reasons(sink.dropped()))
                    .append(" dead_lettered=")
                    .append(sink.deadLettered())
                    .append(" pending=")
                    .append(sink.pending())
                    .append(']'));
    return line.toString();
  }

  private static String reasons(Map<String, Long> dropped) {
    long total = dropped.values().stream().mapToLong(Long::longValue).sum();
    if (dropped.isEmpty()) {
      return Long.toString(total);
    }
    return total
        + dropped.entrySet().stream()
            .map(entry -> entry.getKey() + "=" + entry.getValue())
            .collect(Collectors.joining(",", "(", ")"));
  }
}
