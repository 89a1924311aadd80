package dev.telemetryrouter.locallambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole lifecycle with a real extension process: the bash script fake-extension.sh. */
class LifecycleTest {

  @TempDir Path tmp;
  private Listener listener;
  private Path layer;

  @BeforeEach
  void setUp() throws Exception {
    listener = new Listener();
    layer = tmp.resolve("layer");
    TestLayer.withExtension(layer, "fake-extension.sh", "fake");
  }

  @AfterEach
  void tearDown() {
    listener.close();
  }

  private LocalLambdaBuilder builder() {
    return LocalLambda.builder()
        .layer(layer)
        .workDir(tmp.resolve("work"))
        .extensionEnv("FAKE_SUBSCRIBE_URI", listener.uri())
        .extensionEnv("FAKE_SHUTDOWN_LINGER", "0.3")
        .function(FunctionSource.events(TestLayer.resource("two-invocations.jsonl")))
        .functionTimeout(Duration.ofSeconds(5))
        .shutdownTimeout(Duration.ofMillis(1500));
  }

  @Test
  void invocations_deliverPlatformEventsAndFunctionLinesInLambdaOrder() {
    LocalLambda lambda = builder().reportFile(tmp.resolve("report.json")).start();
    RunReport.InvocationReport first = lambda.invoke();
    int deliveredBeforeSecondInvoke = listener.events().size();
    RunReport.InvocationReport second = lambda.invoke();
    RunReport report = lambda.shutdown();

    List<String> order = listener.types().stream().filter(t -> !t.equals("extension")).toList();
    assertThat(order.subList(0, 5))
        .startsWith("platform.initStart")
        .endsWith("platform.initReport")
        .containsExactlyInAnyOrder(
            "platform.initStart",
            "platform.telemetrySubscription",
            "platform.initRuntimeDone",
            "platform.extension",
            "platform.initReport");
    assertThat(order.subList(5, order.size()))
        .containsExactly(
            "platform.start",
            "function",
            "function",
            "function",
            "platform.runtimeDone",
            "platform.report",
            "platform.start",
            "function",
            "function",
            "function",
            "platform.runtimeDone",
            "platform.report");
    assertThat(records("function"))
        .containsExactly(
            "first line\n",
            "{\"msg\":\"a json line\",\"n\":1}\n",
            "last line\n",
            "first line\n",
            "{\"msg\":\"a json line\",\"n\":1}\n",
            "last line\n");
    // The report of invocation 1 is produced after its /next, so only the thaw delivers it.
    assertThat(listener.types().subList(0, deliveredBeforeSecondInvoke))
        .doesNotContain("platform.report");
    List<Object> reports = records("platform.report");
    assertThat(reports)
        .extracting(r -> Json.asObject(r).get("requestId"))
        .containsExactly(first.requestId(), second.requestId());
    assertThat(Json.asObject(Json.asObject(reports.get(0)).get("metrics")))
        .containsKeys(
            "durationMs", "billedDurationMs", "memorySizeMB", "maxMemoryUsedMB", "initDurationMs");
    assertThat(Json.asObject(Json.asObject(reports.get(1)).get("metrics")))
        .doesNotContainKey("initDurationMs");
    assertThat(report.shutdownReason()).isEqualTo("spindown");
    assertThat(tmp.resolve("report.json")).exists();
  }

  @Test
  void invokeEvent_carriesDeadlineRequestIdArnAndTracing() {
    LocalLambda lambda = builder().functionName("orders").start();
    long before = System.currentTimeMillis();

    RunReport.InvocationReport invocation = lambda.invoke();
    lambda.shutdown();

    Map<String, Object> invoke = eventSeenByExtension("INVOKE");
    assertThat(invoke.get("requestId")).isEqualTo(invocation.requestId());
    assertThat((Long) invoke.get("deadlineMs")).isBetween(before + 4000, before + 60_000);
    assertThat(invoke.get("invokedFunctionArn"))
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:orders");
    assertThat(Json.asObject(invoke.get("tracing"))).containsEntry("type", "X-Amzn-Trace-Id");
    Map<String, Object> shutdown = eventSeenByExtension("SHUTDOWN");
    assertThat(shutdown).containsEntry("shutdownReason", "spindown").containsKey("deadlineMs");
  }

  @Test
  void report_measuresRegisterFirstNextHoldTimesAndExit() {
    LocalLambda lambda = builder().start();
    lambda.invoke();

    RunReport report = lambda.shutdown();

    RunReport.ExtensionReport fake = report.extensions().getFirst();
    assertThat(fake.name()).isEqualTo("fake");
    assertThat(fake.external()).isTrue();
    assertThat(fake.events()).containsExactly("INVOKE", "SHUTDOWN");
    assertThat(fake.launchToRegister()).isNotNull();
    assertThat(fake.launchToFirstNext())
        .isNotNull()
        .isGreaterThanOrEqualTo(fake.launchToRegister());
    assertThat(fake.exitCode()).isZero();
    assertThat(fake.exitedBeforeDeadline()).isTrue();
    assertThat(fake.killedAtDeadline()).isFalse();
    assertThat(fake.subscribedApi()).isEqualTo("TELEMETRY");
    assertThat(report.initStatus()).isEqualTo("success");
    assertThat(report.invocations().getFirst().heldAfterRuntimeDone()).containsKey("fake");
    RunReport.SubscriberReport subscriber = report.subscribers().getFirst();
    assertThat(subscriber.deliveredEvents()).isEqualTo(listener.events().size());
    assertThat(subscriber.droppedEvents()).isZero();
    assertThat(report.toText()).contains("extension fake: register");
    assertThat(Json.asObject(Json.parse(report.toJson())))
        .containsKeys("extensions", "invocations");
  }

  @Test
  void freeze_stopsTheExtensionBetweenInvocations_andThawContinuesIt() {
    LocalLambda lambda = builder().start();
    long pid = lambda.extensionPids().getFirst();

    String afterInit = TestLayer.processState(pid);
    lambda.invoke();
    String afterInvoke = TestLayer.processState(pid);
    lambda.shutdown();

    assertThat(afterInit).isEqualTo("T");
    assertThat(afterInvoke).isEqualTo("T");
    assertThat(lambda.report().extensions().getFirst().exitCode()).isZero();
  }

  @Test
  void noFreeze_leavesTheExtensionRunnable() {
    LocalLambda lambda = builder().freeze(false).start();
    long pid = lambda.extensionPids().getFirst();

    lambda.invoke();
    String state = TestLayer.processState(pid);
    lambda.shutdown();

    assertThat(state).isNotEqualTo("T");
  }

  @Test
  void shutdown_whenTheExtensionIgnoresIt_killsItAtTheDeadline() {
    LocalLambda lambda =
        builder()
            .extensionEnv("FAKE_IGNORE_SHUTDOWN", "1")
            .shutdownTimeout(Duration.ofMillis(500))
            .start();
    long pid = lambda.extensionPids().getFirst();

    RunReport report = lambda.shutdown();

    RunReport.ExtensionReport fake = report.extensions().getFirst();
    assertThat(fake.killedAtDeadline()).isTrue();
    assertThat(fake.exitedBeforeDeadline()).isFalse();
    assertThat(fake.exitCode()).isEqualTo(137);
    assertThat(TestLayer.processState(pid)).isEqualTo("gone");
  }

  @Test
  void functionCommand_thatFails_isReportedAndLeadsToShutdownWithReasonFailure() {
    LocalLambda lambda =
        builder().function(FunctionSource.command("echo hello; echo oops >&2; exit 3")).start();

    RunReport.InvocationReport invocation = lambda.invoke();

    assertThat(invocation.status()).isEqualTo("failure");
    assertThat(lambda.report().shutdownReason()).isEqualTo("failure");
    assertThat(records("function")).containsExactly("hello\n", "oops\n");
    assertThat(eventSeenByExtension("SHUTDOWN")).containsEntry("shutdownReason", "failure");
    Map<String, Object> runtimeDone = Json.asObject(records("platform.runtimeDone").getFirst());
    assertThat(runtimeDone).containsEntry("status", "failure");
    assertThat(Json.asObject(runtimeDone.get("metrics")))
        .containsKeys("durationMs", "producedBytes");
  }

  @Test
  void functionCommand_writingToStdoutAndStderrInTurn_keepsTheWriteOrder() {
    LocalLambda lambda =
        builder()
            .function(
                FunctionSource.command(
                    "i=0; while [ $i -lt 40 ]; do echo out $i; echo err $i >&2; i=$((i+1)); done"))
            .start();

    lambda.invoke();
    lambda.shutdown();

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      expected.add("out " + i + "\n");
      expected.add("err " + i + "\n");
    }
    assertThat(records("function")).containsExactlyElementsOf(expected);
  }

  @Test
  void functionCommand_pastTheTimeout_isKilledAndLeadsToShutdownWithReasonTimeout() {
    LocalLambda lambda =
        builder()
            .function(FunctionSource.command("echo started; sleep 20"))
            .functionTimeout(Duration.ofMillis(700))
            .start();

    RunReport.InvocationReport invocation = lambda.invoke();

    assertThat(invocation.status()).isEqualTo("timeout");
    assertThat(lambda.report().shutdownReason()).isEqualTo("timeout");
    assertThat(records("function")).containsExactly("started\n");
  }

  @Test
  void extensionExitingDuringAnInvocation_isACrashThatFailsItAndResets() {
    LocalLambda lambda = builder().extensionEnv("FAKE_CRASH_ON_INVOKE", "1").start();

    RunReport.InvocationReport invocation = lambda.invoke();
    RunReport report = lambda.report();

    assertThat(invocation.status()).isEqualTo("failure");
    assertThat(invocation.errorType()).isEqualTo("Extension.Crash");
    assertThat(report.shutdownReason()).isEqualTo("failure");
    RunReport.ExtensionReport fake = report.extensions().getFirst();
    assertThat(fake.errorType()).isEqualTo("Extension.Crash");
    assertThat(fake.exitCode()).isZero();
  }

  @Test
  void extensionsFolder_startsOnlyExecutableFilesDirectlyInIt() throws Exception {
    java.nio.file.Files.createDirectories(layer.resolve("extensions/nested"));
    java.nio.file.Files.writeString(layer.resolve("extensions/notes.txt"), "not a program");

    LocalLambda lambda = builder().start();
    RunReport report = lambda.shutdown();

    assertThat(report.extensions())
        .extracting(RunReport.ExtensionReport::name)
        .containsExactly("fake");
    assertThat(report.launchErrors()).singleElement().asString().startsWith("notes.txt:");
    assertThat(report.initErrorType()).isEqualTo("Extension.LaunchError");
  }

  @Test
  void invoke_withABadEventsFile_namesTheLineAndStillShutsDown() throws Exception {
    Path bad = tmp.resolve("bad.jsonl");
    java.nio.file.Files.writeString(bad, "{\"type\":\"function\",\"record\":\"ok\"}\nnot json\n");
    LocalLambda lambda = builder().function(FunctionSource.events(bad)).start();

    org.assertj.core.api.Assertions.assertThatThrownBy(lambda::invoke)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad.jsonl:2");
    RunReport report = lambda.shutdown();

    assertThat(report.shutdownReason()).isEqualTo("spindown");
    assertThat(report.extensions().getFirst().exitedBeforeDeadline()).isTrue();
  }

  private List<Object> records(String type) {
    return listener.events().stream()
        .filter(e -> type.equals(e.get("type")))
        .map(e -> e.get("record"))
        .toList();
  }

  /** The event the fake extension printed as "fake: event {...}" (it comes back as a record). */
  private Map<String, Object> eventSeenByExtension(String eventType) {
    return records("extension").stream()
        .map(String::valueOf)
        .filter(line -> line.startsWith("fake: event ") && line.contains(eventType))
        .map(line -> Json.asObject(Json.parse(line.substring("fake: event ".length()))))
        .findFirst()
        .orElseThrow();
  }
}
