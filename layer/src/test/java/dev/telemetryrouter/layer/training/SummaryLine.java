package dev.telemetryrouter.layer.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The extension's accounting line at exit, such as {@code summary received=10 dropped=1(...) sink=a
 * received=9 delivered=8 retried=2 dropped=0 dead_lettered=1 pending=0 bytes=912}: the pipeline's
 * counts, then each sink's.
 */
public record SummaryLine(long received, long dropped, Map<String, Map<String, Long>> sinks) {

  /** The last summary line in an extension's output, if there is one. */
  public static Optional<SummaryLine> findLast(List<String> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      int at = lines.get(i).indexOf(" summary received=");
      if (at >= 0) {
        return Optional.of(parse(lines.get(i).substring(at + 1)));
      }
    }
    return Optional.empty();
  }

  /** Parses the line from its {@code summary} word on. */
  public static SummaryLine parse(String text) {
    Map<String, Long> pipeline = new LinkedHashMap<>();
    Map<String, Map<String, Long>> sinks = new LinkedHashMap<>();
    Map<String, Long> current = pipeline;
    for (String word : text.strip().split(" ")) {
      int equals = word.indexOf('=');
      if (equals < 0) {
        continue;
      }
      String key = word.substring(0, equals);
      String value = word.substring(equals + 1);
      if (key.equals("sink")) {
        current = new LinkedHashMap<>();
        sinks.put(value, current);
      } else {
        int reasons = value.indexOf('(');
        current.put(key, Long.parseLong(reasons < 0 ? value : value.substring(0, reasons)));
      }
    }
    return new SummaryLine(
        pipeline.getOrDefault("received", -1L), pipeline.getOrDefault("dropped", -1L), sinks);
  }

  /** A sink's count by name ({@code delivered}, {@code pending}...), or -1 if absent. */
  public long count(String sink, String name) {
    return sinks.getOrDefault(sink, Map.of()).getOrDefault(name, -1L);
  }

  /** Whether every sink's received equals delivered + dropped + dead_lettered + pending. */
  public boolean balances() {
    for (String sink : sinks.keySet()) {
      long accounted =
          count(sink, "delivered")
              + count(sink, "dropped")
              + count(sink, "dead_lettered")
              + count(sink, "pending");
      if (count(sink, "received") < 0 || count(sink, "received") != accounted) {
        return false;
      }
    }
    return !sinks.isEmpty();
  }
}
