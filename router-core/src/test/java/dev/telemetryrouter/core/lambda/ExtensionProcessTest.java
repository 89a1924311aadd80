package dev.telemetryrouter.core.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.core.config.ConfigException;
import dev.telemetryrouter.core.config.ExtensionSettings;
import dev.telemetryrouter.core.config.LoadedConfig;
import dev.telemetryrouter.core.config.Problem;
import dev.telemetryrouter.core.engine.RoutingPlan;
import dev.telemetryrouter.spi.FunctionContext;
import dev.telemetryrouter.spi.TelemetryRecord;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The extension's Init and lifecycle against a fake platform on 127.0.0.1. */
class ExtensionProcessTest {

  private static final String REQUEST = "6d68ca91-49c9-448d-89b8-7ca3e6dc66aa";
  private static final String REGISTER = "/2020-01-01/extension/register";
  private static final String NEXT = "/2020-01-01/extension/event/next";
  private static final String TELEMETRY = "/2022-07-01/telemetry";
  private static final String INIT_ERROR = "/2020-01-01/extension/init/error";
  private static final String EXIT_ERROR = "/2020-01-01/extension/exit/error";
  private static final String SECOND = "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";

  private FakeLambdaApi platform;
  private final RecordingRouter router = new RecordingRouter();
  private ExtensionSettings settings =
      settings(ExtensionSettings.Api.TELEMETRY, 1000, Duration.ofSeconds(2), false);
  private ConfigurationSource configuration =
      function -> new LoadedConfig(new RoutingPlan(List.of(), List.of()), settings, "test");

  @BeforeEach
  void startPlatform() throws Exception {
    platform = new FakeLambdaApi();
  }

  @AfterEach
  void stopPlatform() {
    platform.close();
  }

  private int runExtension() throws Exception {
    Map<String, String> environment =
        Map.of(
            "AWS_LAMBDA_RUNTIME_API", platform.runtimeApi(),
            "AWS_LAMBDA_FUNCTION_NAME", "orders",
            "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST",
            "AWS_REGION", "eu-west-1",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128");
    ExtensionProcess process =
        new ExtensionProcess(
            environment,
            "telemetry-router",
            function -> configuration.load(function),
            (plan, clock) -> router,
            InstantSource.system());
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                return process.run();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            })
        .get(30, TimeUnit.SECONDS);
  }

  private static ExtensionSettings settings(
      ExtensionSettings.Api api, int maxItems, Duration runtimeDoneWait, boolean routeOwnLogs) {
    return settings(api, maxItems, runtimeDoneWait, routeOwnLogs, 0);
  }

  private static ExtensionSettings settings(
      ExtensionSettings.Api api,
      int maxItems,
      Duration runtimeDoneWait,
      boolean routeOwnLogs,
      int port) {
    ExtensionSettings defaults = ExtensionSettings.DEFAULTS;
    return new ExtensionSettings(
        api,
        api.defaultSchemaVersion(),
        defaults.types(),
        new ExtensionSettings.Listener("127.0.0.1", port),
        new ExtensionSettings.Buffering(
            maxItems, defaults.buffering().maxBytes(), defaults.buffering().timeout()),
        runtimeDoneWait,
        defaults.shutdownMargin(),
        routeOwnLogs);
  }

  private void assertOneInvokeFlushedThenShutDown(int status) {
    assertThat(status).isZero();
    assertThat(platform.paths()).containsExactly(REGISTER, TELEMETRY, NEXT, NEXT);
    assertThat(router.flushes())
        .extracting(RecordingRouter.Flush::kind)
        .containsExactly("endOfInvocation", "shutdown");
  }

  private static long inMillis(Duration duration) {
    return Instant.now().plus(duration).toEpochMilli();
  }

  private static String invocation(String requestId) {
    return "[{\"time\":\"2026-03-02T10:00:01.000Z\",\"type\":\"platform.start\",\"record\":"
        + "{\"requestId\":\""
        + requestId
        + "\"}},"
        + "{\"time\":\"2026-03-02T10:00:01.010Z\",\"type\":\"function\",\"record\":\"one\\n\"},"
        + "{\"time\":\"2026-03-02T10:00:01.011Z\",\"type\":\"extension\",\"record\":"
        + "\"[telemetry-router] INFO own line\\n\"},"
        + "{\"time\":\"2026-03-02T10:00:01.012Z\",\"type\":\"function\",\"record\":\"two\\n\"},"
        + "{\"time\":\"2026-03-02T10:00:01.200Z\",\"type\":\"platform.runtimeDone\",\"record\":"
        + "{\"requestId\":\""
        + requestId
        + "\",\"status\":\"success\"}}]";
  }

  private static String report(String requestId) {
    return "[{\"time\":\"2026-03-02T10:00:01.300Z\",\"type\":\"platform.report\",\"record\":"
        + "{\"requestId\":\""
        + requestId
        + "\",\"status\":\"success\",\"metrics\":"
        + "{\"durationMs\":201.2,\"billedDurationMs\":202}}}]";
  }

  @Test
  void init_registersThenSubscribesWithListenerUpThenCallsNext() throws Exception {
    platform.queueShutdown("spindown", inMillis(Duration.ofSeconds(2)), () -> {});

    int status = runExtension();

    assertThat(status).isZero();
    assertThat(platform.paths()).containsExactly(REGISTER, TELEMETRY, NEXT);
    assertThat(platform.listenerUpAtSubscribe()).isTrue();
    FakeLambdaApi.Request register = platform.requests().getFirst();
    assertThat(register.header("Lambda-Extension-Name")).isEqualTo("telemetry-router");
    assertThat(register.header("Lambda-Extension-Accept-Feature")).isEqualTo("accountId");
    assertThat(register.body()).isEqualTo("{\"events\":[\"INVOKE\",\"SHUTDOWN\"]}");
  }

  @Test
  void subscribe_sendsLatestSchemaAllBufferingValuesAndTheSandboxHost() throws Exception {
    platform.queueShutdown("spindown", inMillis(Duration.ofSeconds(2)), () -> {});

    runExtension();

    FakeLambdaApi.Request subscribe = platform.requests().get(1);
    assertThat(subscribe.method()).isEqualTo("PUT");
    assertThat(subscribe.header("Lambda-Extension-Identifier"))
        .isEqualTo(FakeLambdaApi.EXTENSION_ID);
    assertThat(subscribe.body())
        .contains("\"schemaVersion\":\"2025-01-29\"")
        .contains("\"types\":[\"platform\",\"function\",\"extension\"]")
        .contains("\"buffering\":{\"maxItems\":1000,\"maxBytes\":262144,\"timeoutMs\":25}")
        .containsPattern("\"URI\":\"http://sandbox\\.localdomain:\\d+/\"");
  }

  @Test
  void subscribe_whenLatestSchemaRefused_fallsBackTo20221213() throws Exception {
    platform.answerSubscriptions(
        request ->
            request.body().contains("2025-01-29")
                ? new FakeLambdaApi.Response(
                    400, "{\"errorType\":\"ValidationError\",\"errorMessage\":\"schemaVersion\"}")
                : FakeLambdaApi.ok());
    platform.queueShutdown("spindown", inMillis(Duration.ofSeconds(2)), () -> {});

    int status = runExtension();

    assertThat(status).isZero();
    assertThat(platform.paths()).containsExactly(REGISTER, TELEMETRY, TELEMETRY, NEXT);
    assertThat(platform.requests().get(2).body()).contains("\"schemaVersion\":\"2022-12-13\"");
  }

  @Test
  void subscribe_whenNotSupported_carriesOnWithoutWaitingForTelemetry() throws Exception {
    platform.answerSubscriptions(
        request ->
            new FakeLambdaApi.Response(
                202,
                "{\"errorMessage\":\"Telemetry API is not supported\","
                    + "\"errorType\":\"Telemetry.NotSupported\"}"));
    platform.queueInvoke(REQUEST, inMillis(Duration.ofMinutes(5)), () -> {});
    platform.queueShutdown("spindown", inMillis(Duration.ofSeconds(2)), () -> {});

    int status = runExtension();

    assertOneInvokeFlushedThenShutDown(status);
  }

  @Test
  void subscribe_whenForbidden_reportsSubscribeFailedAndExits() throws Exception {
    platform.answerSubscriptions(
        request ->
            new FakeLambdaApi.Response(
                403,
                "{\"errorMessage\":\"Telemetry API subscription is closed already\","
                    + "\"errorType\":\"Telemetry.SubscriptionClosed\"}"));

    int status = runExtension();

    assertThat(status).isEqualTo(1);
    assertThat(platform.paths()).containsExactly(REGISTER, TELEMETRY, INIT_ERROR);
    assertThat(platform.requests().getLast().header("Lambda-Extension-Function-Error-Type"))
        .isEqualTo("Extension.SubscribeFailed");
  }

  @Test
  void init_whenConfigurationInvalid_reportsConfigInvalidOnceWithTheProblems() throws Exception {
    configuration =
        function -> {
          throw new ConfigException(
              "file /var/task/routing.yaml",
              List.of(new Problem("sinks.archive.type", "'kafak'", "one of file, stdout")));
        };

    int status = runExtension();

    assertThat(status).isEqualTo(1);
    assertThat(platform.paths()).containsExactly(REGISTER, INIT_ERROR);
    FakeLambdaApi.Request error = platform.requests().getLast();
    assertThat(error.header("Lambda-Extension-Function-Error-Type"))
        .isEqualTo("Extension.ConfigInvalid");
    assertThat(error.header("Lambda-Extension-Identifier")).isEqualTo(FakeLambdaApi.EXTENSION_ID);
    assertThat(error.body())
        .contains("\"errorMessage\":\"routing configuration from file /var/task/routing.yaml")
        .contains("sinks.archive.type: 'kafak'")
        .contains("\"errorType\":\"Extension.ConfigInvalid\"")
        .contains("\"stackTrace\":[");
  }

  @Test
  void init_whenPortInUse_reportsListenerFailedNamingThePort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      settings =
          settings(
              ExtensionSettings.Api.TELEMETRY,
              1000,
              Duration.ofSeconds(2),
              false,
              taken.getLocalPort());

      int status = runExtension();

      assertThat(status).isEqualTo(1);
      assertThat(platform.paths()).containsExactly(REGISTER, INIT_ERROR);
      FakeLambdaApi.Request error = platform.requests().getLast();
      assertThat(error.header("Lambda-Extension-Function-Error-Type"))
          .isEqualTo("Extension.ListenerFailed");
      assertThat(error.body()).contains("port " + taken.getLocalPort());
    }
  }

  @Test
  void invoke_flushesOnlyAfterRuntimeDoneWasRouted_andShutdownWaitsForTheReport() throws Exception {
    platform.queueInvoke(
        REQUEST,
        inMillis(Duration.ofMinutes(5)),
        () -> platform.deliver("POST", invocation(REQUEST)));
    long shutdownDeadline = inMillis(Duration.ofSeconds(2));
    platform.queueShutdown(
        "SPINDOWN", shutdownDeadline, () -> platform.deliver("POST", report(REQUEST)));

    int status = runExtension();

    assertThat(status).isZero();
    assertThat(router.accepted())
        .extracting(TelemetryRecord::type)
        .containsExactly(
            "platform.start", "function", "function", "platform.runtimeDone", "platform.report");
    assertThat(router.accepted()).allMatch(r -> REQUEST.equals(r.requestId()));
    assertThat(router.accepted().getFirst().function())
        .isEqualTo(new FunctionContext("orders", "$LATEST", "eu-west-1", 128, "123456789012"));
    List<RecordingRouter.Flush> flushes = router.flushes();
    assertThat(flushes)
        .extracting(RecordingRouter.Flush::kind)
        .containsExactly("endOfInvocation", "shutdown");
    assertThat(flushes.get(0).acceptedBefore()).isEqualTo(4);
    assertThat(flushes.get(1).acceptedBefore()).isEqualTo(5);
    assertThat(flushes.get(1).deadline())
        .isEqualTo(Instant.ofEpochMilli(shutdownDeadline).minusMillis(100));
  }

  @Test
  void invoke_whenRuntimeDoneNeverComes_flushesAfterTheBoundedWaitAndGoesOn() throws Exception {
    settings = settings(ExtensionSettings.Api.TELEMETRY, 1000, Duration.ofMillis(200), false);
    platform.queueInvoke(REQUEST, inMillis(Duration.ofMinutes(5)), () -> {});
    platform.queueShutdown("timeout", inMillis(Duration.ofSeconds(2)), () -> {});

    int status = runExtension();

    assertOneInvokeFlushedThenShutDown(status);
  }

  @Test
  void logsApi_subscribesWithRuntimeDoneSchemaAndAcceptsPutDeliveries() throws Exception {
    settings = settings(ExtensionSettings.Api.LOGS, 10_000, Duration.ofSeconds(2), false);
    platform.queueInvoke(
        REQUEST,
        inMillis(Duration.ofMinutes(5)),
        () -> platform.deliver("PUT", invocation(REQUEST)));
    platform.queueShutdown("spindown", inMillis(Duration.ofSeconds(2)), () -> {});

    runExtension();

    FakeLambdaApi.Request subscribe = platform.requests().get(1);
    assertThat(subscribe.path()).isEqualTo("/2020-08-15/logs");
    assertThat(subscribe.body())
        .contains("\"schemaVersion\":\"2021-03-18\"")
        .contains("\"maxItems\":10000")
        .contains("\"method\":\"POST\"");
    assertThat(router.flushes().getFirst().acceptedBefore()).isEqualTo(4);
  }

  @Test
  void ownLines_routedOnlyWhenAskedFor() throws Exception {
    settings = settings(ExtensionSettings.Api.TELEMETRY, 1000, Duration.ofSeconds(2), true);
    platform.queueInvoke(
        REQUEST,
        inMillis(Duration.ofMinutes(5)),
        () -> platform.deliver("POST", invocation(REQUEST)));
    platform.queueShutdown("spindown", inMillis(Duration.ofSeconds(2)), () -> {});

    runExtension();

    assertThat(router.accepted()).extracting(TelemetryRecord::type).contains("extension");
  }

  @Test
  void next_whenThePlatformFails_flushesReportsExitErrorAndExitsNonZero() throws Exception {
    platform.queueInvoke(
        REQUEST,
        inMillis(Duration.ofMinutes(5)),
        () -> platform.deliver("POST", invocation(REQUEST)));
    platform.queueNextFailure(
        500, "{\"errorType\":\"Runtime.Failure\",\"errorMessage\":\"state lost\"}");

    int status = runExtension();

    assertThat(status).isEqualTo(1);
    assertThat(platform.paths()).containsExactly(REGISTER, TELEMETRY, NEXT, NEXT, EXIT_ERROR);
    FakeLambdaApi.Request error = platform.requests().getLast();
    assertThat(error.header("Lambda-Extension-Function-Error-Type"))
        .isEqualTo("Extension.NextFailed");
    assertThat(error.header("Lambda-Extension-Identifier")).isEqualTo(FakeLambdaApi.EXTENSION_ID);
    assertThat(error.body()).contains("\"errorType\":\"Extension.NextFailed\"");
    assertThat(router.flushes())
        .extracting(RecordingRouter.Flush::kind)
        .containsExactly("endOfInvocation", "shutdown");
  }

  @Test
  void invoke_whenAnErrorIsThrown_flushesReportsExitErrorAndExitsNonZero() throws Exception {
    router.failEndOfInvocationWith(new OutOfMemoryError("test: heap exhausted"));
    platform.queueInvoke(REQUEST, inMillis(Duration.ofMinutes(5)), () -> {});
    platform.queueShutdown("spindown", inMillis(Duration.ofSeconds(2)), () -> {});
    settings = settings(ExtensionSettings.Api.TELEMETRY, 1000, Duration.ofMillis(50), false);

    int status = runExtension();

    assertThat(status).isEqualTo(1);
    assertThat(platform.paths()).containsExactly(REGISTER, TELEMETRY, NEXT, EXIT_ERROR);
    FakeLambdaApi.Request error = platform.requests().getLast();
    assertThat(error.header("Lambda-Extension-Function-Error-Type")).isEqualTo("Extension.Failed");
    assertThat(error.body()).contains("heap exhausted");
    assertThat(router.flushes())
        .extracting(RecordingRouter.Flush::kind)
        .containsExactly("endOfInvocation", "shutdown");
  }

  /**
   * Lambda emits {@code platform.report} for an invocation only after every extension called {@code
   * /next} (as in AWS's reference emulator, aws/aws-lambda-runtime-interface-emulator,
   * internal/lambda/rapid/handlers.go), so this platform withholds it until then. An extension that
   * waited for the report would sit out its whole (30 s) runtimeDone wait first; the 10 s bound on
   * the second {@code /next} is a deadlock guard, the assertion is on the order.
   */
  @Test
  void invoke_callsNextBeforeTheReportIsDelivered_andRoutesTheReportLater() throws Exception {
    settings = settings(ExtensionSettings.Api.TELEMETRY, 1000, Duration.ofSeconds(30), false);
    AtomicBoolean nextBeforeReport = new AtomicBoolean();
    CountDownLatch reportDelivered = new CountDownLatch(1);
    platform.queueInvoke(
        REQUEST,
        inMillis(Duration.ofMinutes(5)),
        () -> {
          platform.deliver("POST", invocation(REQUEST));
          nextBeforeReport.set(awaitSecondNext());
          platform.deliver("POST", report(REQUEST));
          reportDelivered.countDown();
        });
    platform.queueInvoke(
        SECOND,
        inMillis(Duration.ofMinutes(5)),
        () -> {
          awaitQuietly(reportDelivered);
          platform.deliver("POST", invocation(SECOND));
        });
    platform.queueShutdown(
        "spindown",
        inMillis(Duration.ofSeconds(2)),
        () -> platform.deliver("POST", report(SECOND)));

    int status = runExtension();

    assertThat(status).isZero();
    assertThat(nextBeforeReport).isTrue();
    assertThat(router.flushes().getFirst().acceptedBefore()).isEqualTo(4);
    assertThat(router.accepted())
        .filteredOn(r -> r.type().equals("platform.report"))
        .extracting(TelemetryRecord::requestId)
        .contains(REQUEST);
  }

  private boolean awaitSecondNext() {
    try {
      return platform.awaitNextCalls(2, 10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
