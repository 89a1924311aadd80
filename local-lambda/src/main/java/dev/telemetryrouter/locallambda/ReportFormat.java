package dev.telemetryrouter.locallambda;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Renders a {@link RunReport} as JSON (durations in milliseconds) and as text for people. */
final class ReportFormat {

  private ReportFormat() {}

  static String json(RunReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("initStatus", report.initStatus());
    put(root, "initErrorType", report.initErrorType());
    put(root, "initDurationMs", ms(report.initDuration()));
    root.put("extensions", report.extensions().stream().map(ReportFormat::extension).toList());
    root.put("invocations", report.invocations().stream().map(ReportFormat::invocation).toList());
    root.put("subscribers", report.subscribers().stream().map(ReportFormat::subscriber).toList());
    root.put("errorCalls", report.errorCalls().stream().map(ReportFormat::errorCall).toList());
    root.put("launchErrors", report.launchErrors());
    put(root, "shutdownReason", report.shutdownReason());
    return Json.write(root);
  }

  private static Map<String, Object> extension(RunReport.ExtensionReport e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", e.name());
    m.put("external", e.external());
    put(m, "pid", e.pid());
    m.put("events", e.events());
    m.put("state", e.state());
    put(m, "errorType", e.errorType());
    put(m, "subscribedApi", e.subscribedApi());
    put(m, "launchToRegisterMs", ms(e.launchToRegister()));
    put(m, "launchToFirstNextMs", ms(e.launchToFirstNext()));
    put(m, "exitCode", e.exitCode());
    m.put("exitedBeforeDeadline", e.exitedBeforeDeadline());
    m.put("killedAtDeadline", e.killedAtDeadline());
    return m;
  }

  private static Map<String, Object> invocation(RunReport.InvocationReport i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("requestId", i.requestId());
    m.put("status", i.status());
    put(m, "errorType", i.errorType());
    put(m, "runtimeDurationMs", ms(i.runtimeDuration()));
    put(m, "totalDurationMs", ms(i.totalDuration()));
    Map<String, Object> held = new LinkedHashMap<>();
    i.heldAfterRuntimeDone().forEach((k, v) -> held.put(k, PlatformRecords.millis(v)));
    m.put("heldAfterRuntimeDoneMs", held);
    return m;
  }

  private static Map<String, Object> subscriber(RunReport.SubscriberReport s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("extension", s.extension());
    m.put("api", s.api());
    m.put("schemaVersion", s.schemaVersion());
    m.put("types", s.types());
    m.put("deliveredEvents", s.deliveredEvents());
    m.put("deliveredBatches", s.deliveredBatches());
    m.put("droppedEvents", s.droppedEvents());
    m.put("droppedBatches", s.droppedBatches());
    m.put("failedRequests", s.failedRequests());
    m.put("undeliveredEvents", s.undeliveredEvents());
    m.put("afterExitEvents", s.afterExitEvents());
    m.put("afterExitTypes", new TreeMap<String, Object>(s.afterExitTypes()));
    return m;
  }

  private static Map<String, Object> errorCall(RunReport.ErrorCall c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("extension", c.extension());
    m.put("kind", c.kind());
    m.put("errorType", c.errorType());
    m.put("body", c.body());
    return m;
  }

  private static void put(Map<String, Object> map, String key, @Nullable Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private static @Nullable Object ms(@Nullable Duration duration) {
    return duration == null ? null : PlatformRecords.millis(duration);
  }

  static String text(RunReport r) {
    StringBuilder out = new StringBuilder();
    out.append("init: ").append(r.initStatus());
    if (r.initErrorType() != null) {
      out.append(" (").append(r.initErrorType()).append(')');
    }
    out.append(", ").append(fmt(r.initDuration())).append('\n');
    r.launchErrors().forEach(e -> out.append("  launch error: ").append(e).append('\n'));
    for (RunReport.ExtensionReport e : r.extensions()) {
      out.append("extension ")
          .append(e.name())
          .append(e.external() ? "" : " (internal)")
          .append(": register ")
          .append(fmt(e.launchToRegister()))
          .append(", first /next ")
          .append(fmt(e.launchToFirstNext()))
          .append(", state ")
          .append(e.state())
          .append(e.errorType() == null ? "" : " " + e.errorType())
          .append(", exit ")
          .append(e.exitCode() == null ? "-" : e.exitCode())
          .append(e.killedAtDeadline() ? ", KILLED at the deadline" : "")
          .append(e.exitedBeforeDeadline() ? ", exited before the deadline" : "")
          .append('\n');
    }
    for (RunReport.InvocationReport i : r.invocations()) {
      out.append("invocation ")
          .append(i.requestId())
          .append(": ")
          .append(i.status())
          .append(", runtime ")
          .append(fmt(i.runtimeDuration()))
          .append(", total ")
          .append(fmt(i.totalDuration()));
      i.heldAfterRuntimeDone()
          .forEach((k, v) -> out.append(", held by ").append(k).append(' ').append(fmt(v)));
      out.append('\n');
    }
    for (RunReport.SubscriberReport s : r.subscribers()) {
      out.append("subscriber ")
          .append(s.extension())
          .append(" (")
          .append(s.api())
          .append(' ')
          .append(s.schemaVersion())
          .append("): delivered ")
          .append(s.deliveredEvents())
          .append(" events in ")
          .append(s.deliveredBatches())
          .append(" batches, dropped ")
          .append(s.droppedEvents())
          .append(" in ")
          .append(s.droppedBatches())
          .append(" batches, failed requests ")
          .append(s.failedRequests())
          .append(", undelivered ")
          .append(s.undeliveredEvents())
          .append('\n');
      if (s.afterExitEvents() > 0) {
        out.append("  not delivered because ")
            .append(s.extension())
            .append(" had exited (not a drop; Lambda stops delivering too): ")
            .append(s.afterExitEvents())
            .append(" events");
        new TreeMap<>(s.afterExitTypes())
            .forEach((type, n) -> out.append(", ").append(type).append(' ').append(n));
        out.append('\n');
      }
    }
    for (RunReport.ErrorCall c : r.errorCalls()) {
      out.append(c.kind())
          .append("/error from ")
          .append(c.extension())
          .append(": ")
          .append(c.errorType())
          .append(' ')
          .append(c.body())
          .append('\n');
    }
    if (r.shutdownReason() != null) {
      out.append("shutdown: ").append(r.shutdownReason()).append('\n');
    }
    return out.toString();
  }

  private static String fmt(@Nullable Duration d) {
    return d == null ? "-" : String.format(Locale.ROOT, "%.1f ms", d.toNanos() / 1e6);
  }
}
