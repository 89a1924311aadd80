package dev.telemetryrouter.locallambda;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds a {@link RunReport} from the sandbox state. */
final class ReportAssembler {

  private ReportAssembler() {}

  static RunReport assemble(
      Sandbox sandbox, Lifecycle lifecycle, List<RunReport.InvocationReport> invocations) {
    sandbox.lock.lock();
    try {
      List<RunReport.ExtensionReport> extensions = new ArrayList<>();
      for (ExtensionProcess process : sandbox.processes.values()) {
        extensions.add(external(sandbox.byName(process.fileName), process));
      }
      for (Extension ext : sandbox.extensionsById.values()) {
        if (ext.process == null) {
          extensions.add(internal(ext));
        }
      }
      String reason = lifecycle.shutdown().reason;
      return new RunReport(
          lifecycle.initStatus,
          lifecycle.initErrorType,
          lifecycle.initDuration,
          List.copyOf(extensions),
          invocations,
          subscribers(sandbox),
          List.copyOf(sandbox.errorCalls),
          List.copyOf(sandbox.launchErrors),
          reason.isEmpty() ? null : reason);
    } finally {
      sandbox.lock.unlock();
    }
  }

  private static RunReport.ExtensionReport external(
      @Nullable Extension ext, ExtensionProcess process) {
    boolean exitedByItself =
        process.exitCode != null && !process.killedAtDeadline && !process.killedWithoutShutdown;
    return new RunReport.ExtensionReport(
        process.fileName,
        true,
        process.pid(),
        ext == null ? List.of() : ext.events,
        ext == null ? (process.exitCode == null ? "Started" : "Exited") : ext.state.label(),
        ext == null ? null : ext.errorType,
        ext == null || ext.subscribedApi == null ? null : ext.subscribedApi.name(),
        ext == null ? null : Duration.between(process.launchedAt, ext.registeredAt),
        ext == null || ext.firstNextAt == null
            ? null
            : Duration.between(process.launchedAt, ext.firstNextAt),
        process.exitCode,
        exitedByItself,
        process.killedAtDeadline);
  }

  private static RunReport.ExtensionReport internal(Extension ext) {
    return new RunReport.ExtensionReport(
        ext.name,
        false,
        null,
        ext.events,
        ext.state.label(),
        ext.errorType,
        ext.subscribedApi == null ? null : ext.subscribedApi.name(),
        null,
        null,
        null,
        false,
        false);
  }

  private static List<RunReport.SubscriberReport> subscribers(Sandbox sandbox) {
    List<RunReport.SubscriberReport> out = new ArrayList<>();
    for (Subscriber subscriber : sandbox.bus.subscribers()) {
      Subscription s = subscriber.subscription();
      SubscriberStats stats = subscriber.stats();
      out.add(
          new RunReport.SubscriberReport(
              subscriber.extension(),
              s.dialect().api().name(),
              s.dialect().schemaVersion(),
              s.types(),
              stats.deliveredEvents,
              stats.deliveredBatches,
              stats.droppedEvents,
              stats.droppedBatches,
              stats.failedRequests,
              stats.undelivered,
              stats.afterExitEvents,
              Map.copyOf(stats.afterExitTypes)));
    }
    return List.copyOf(out);
  }
}
