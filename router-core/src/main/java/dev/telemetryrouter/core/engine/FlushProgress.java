package dev.telemetryrouter.core.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a flush changed in each sink's accounts, measured around it. */
final class FlushProgress {

  private FlushProgress() {}

  static FlushReport measure(List<SinkChannel> channels, Runnable flush) {
    Map<String, Accounts.SinkAccounts> before = new LinkedHashMap<>();
    channels.forEach(channel -> before.put(channel.name(), channel.accounts()));

    flush.run();

    Map<String, FlushReport.SinkFlush> sinks = new LinkedHashMap<>();
    for (SinkChannel channel : channels) {
      Accounts.SinkAccounts was = before.get(channel.name());
      Accounts.SinkAccounts now = channel.accounts();
      sinks.put(
          channel.name(),
          new FlushReport.SinkFlush(
              now.delivered() - was.delivered(),
              now.pending(),
              now.droppedTotal() - was.droppedTotal(),
              now.deadLettered() - was.deadLettered()));
    }
    return new FlushReport(sinks);
  }
}
