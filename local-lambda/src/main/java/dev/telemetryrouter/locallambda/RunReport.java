package dev.telemetryrouter.locallambda;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What happened in one run: Init, each extension, each invocation, each subscriber's deliveries and
 * the error calls received. {@link ReportFormat} renders it as JSON and as text.
 *
 * @param initStatus {@code success}, {@code error} or {@code timeout} ({@code pending} during Init)
 * @param shutdownReason the SHUTDOWN reason, or null while the environment is still up
 */
public record RunReport(
    String initStatus,
    @Nullable String initErrorType,
    @Nullable Duration initDuration,
    List<ExtensionReport> extensions,
    List<InvocationReport> invocations,
    List<SubscriberReport> subscribers,
    List<ErrorCall> errorCalls,
    List<String> launchErrors,
    @Nullable String shutdownReason) {

  /**
   * One extension: a launched file, or a registration under a name that matched no file.
   *
   * @param launchToRegister from process start to its register call; null if it never registered
   * @param launchToFirstNext from process start to its first /next; null if it never called it
   * @param exitedBeforeDeadline true if it exited on its own before being killed
   */
  public record ExtensionReport(
      String name,
      boolean external,
      @Nullable Long pid,
      List<String> events,
      String state,
      @Nullable String errorType,
      @Nullable String subscribedApi,
      @Nullable Duration launchToRegister,
      @Nullable Duration launchToFirstNext,
      @Nullable Integer exitCode,
      boolean exitedBeforeDeadline,
      boolean killedAtDeadline) {}

  /**
   * One invocation.
   *
   * @param runtimeDuration from platform.start to platform.runtimeDone
   * @param totalDuration from platform.start to the last extension's /next (platform.report)
   * @param heldAfterRuntimeDone per extension, from runtimeDone to its /next: how long it held the
   *     function after the runtime finished
   */
  public record InvocationReport(
      String requestId,
      String status,
      @Nullable String errorType,
      Duration runtimeDuration,
      Duration totalDuration,
      Map<String, Duration> heldAfterRuntimeDone) {}

  /**
   * One subscription's delivery counters; events are counted with logsDropped events included.
   *
   * @param droppedEvents events lost while the extension was running: its listener failed or fell
   *     behind
   * @param failedRequests the requests that failed while the extension was running
   * @param undeliveredEvents events still buffered when the run ended, the extension still alive
   * @param afterExitEvents events that were not delivered because the extension had exited (Lambda
   *     does not deliver to an exited extension either), typically its own last log lines; not a
   *     loss caused by the listener
   * @param afterExitTypes those events per event type, such as {@code extension}
   */
  public record SubscriberReport(
      String extension,
      String api,
      String schemaVersion,
      List<String> types,
      long deliveredEvents,
      long deliveredBatches,
      long droppedEvents,
      long droppedBatches,
      long failedRequests,
      long undeliveredEvents,
      long afterExitEvents,
      Map<String, Long> afterExitTypes) {}

  /**
   * A call to {@code /extension/init/error} ({@code kind} "init") or {@code /exit/error} ("exit").
   */
  public record ErrorCall(String extension, String kind, String errorType, String body) {}

  public String toJson() {
    return ReportFormat.json(this);
  }

  public String toText() {
    return ReportFormat.text(this);
  }
}
