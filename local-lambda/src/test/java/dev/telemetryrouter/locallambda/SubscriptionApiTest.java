package dev.telemetryrouter.locallambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriptionApiTest {

  private static final String TELEMETRY = "/2022-07-01/telemetry";
  private static final String LOGS = "/2020-08-15/logs";

  @TempDir Path tmp;
  private Listener listener;

  @BeforeEach
  void setUp() throws Exception {
    listener = new Listener();
  }

  @AfterEach
  void tearDown() {
    listener.close();
  }

  @Test
  void subscribe_withEveryRuleBroken_isRefusedWithValidationErrorListingEachProblem()
      throws Exception {
    try (DrivenInit init = new DrivenInit(tmp)) {
      init.driver.register("router", "{\"events\":[\"INVOKE\",\"SHUTDOWN\"]}");

      ExtensionDriver.Reply telemetry =
          init.driver.subscribe(TELEMETRY, Fixtures.read("subscriptions/invalid.json"));
      ExtensionDriver.Reply logs =
          init.driver.subscribe(LOGS, Fixtures.read("subscriptions/invalid.json"));

      assertThat(telemetry.status()).isEqualTo(400);
      assertThat(telemetry.errorType()).isEqualTo("ValidationError");
      assertThat(telemetry.body())
          .contains("schemaVersion '2021-01-01' is not supported")
          .contains("types should not be empty")
          .contains("URI port is not provided")
          .contains("buffering.maxItems 999")
          .contains("buffering.maxBytes 2000000")
          .contains("buffering.timeoutMs 20");
      assertThat(logs.status()).isEqualTo(400);
      assertThat(logs.errorType()).isEqualTo("Logs.ValidationError");
      init.finishInit();
    }
  }

  @Test
  void subscribe_throughTheOtherApiAfterOne_isRefused_andTheSameApiAgainIsOk() throws Exception {
    try (DrivenInit init = new DrivenInit(tmp)) {
      init.driver.register("router", "{\"events\":[\"INVOKE\",\"SHUTDOWN\"]}");
      String body = Fixtures.telemetry("2025-01-29", listener.uri());

      ExtensionDriver.Reply first = init.driver.subscribe(TELEMETRY, body);
      ExtensionDriver.Reply again = init.driver.subscribe(TELEMETRY, body);
      ExtensionDriver.Reply other =
          init.driver.subscribe(LOGS, Fixtures.read("subscriptions/logs-put.json", listener.uri()));

      assertThat(first.status()).isEqualTo(200);
      assertThat(first.body()).isEqualTo("\"OK\"");
      assertThat(again.status()).isEqualTo(200);
      assertThat(other.status()).isEqualTo(400);
      assertThat(other.errorType()).isEqualTo("Logs.ValidationError");
      assertThat(init.finishInit().report().subscribers()).hasSize(1);
    }
  }

  @Test
  void subscribe_afterInit_isRefusedWithSubscriptionClosed() throws Exception {
    try (DrivenInit init = new DrivenInit(tmp)) {
      init.finishInit();

      ExtensionDriver.Reply telemetry =
          init.driver.subscribe(TELEMETRY, Fixtures.telemetry("2022-12-13", listener.uri()));
      ExtensionDriver.Reply logs =
          init.driver.subscribe(LOGS, Fixtures.read("subscriptions/logs-put.json", listener.uri()));

      assertThat(telemetry.status()).isEqualTo(403);
      assertThat(telemetry.errorType()).isEqualTo("Telemetry.SubscriptionClosed");
      assertThat(logs.status()).isEqualTo(403);
      assertThat(logs.errorType()).isEqualTo("Logs.SubscriptionClosed");
    }
  }

  @Test
  void subscribe_withoutIdentifier_isRefused() throws Exception {
    try (DrivenInit init = new DrivenInit(tmp)) {
      ExtensionDriver.Reply reply =
          init.driver.subscribe(TELEMETRY, Fixtures.telemetry("2022-12-13", listener.uri()));

      assertThat(reply.status()).isEqualTo(403);
      assertThat(reply.errorType()).isEqualTo("Extension.MissingExtensionIdentifier");
      init.finishInit();
    }
  }

  @Test
  void logsApi_withPutMethod_isDeliveredByPutInTheLogsApiShapes() throws Exception {
    LocalLambdaBuilder builder =
        LocalLambda.builder()
            .function(FunctionSource.events(TestLayer.resource("two-invocations.jsonl")));
    try (DrivenInit init = new DrivenInit(tmp, builder)) {
      init.driver.register("router", "{\"events\":[\"INVOKE\",\"SHUTDOWN\"]}");
      init.driver.subscribe(LOGS, Fixtures.read("subscriptions/logs-put.json", listener.uri()));
      LocalLambda lambda = init.finishInit();

      RunReport.InvocationReport invocation = lambda.invoke();
      lambda.shutdown();

      assertThat(listener.methods()).isNotEmpty().containsOnly("PUT");
      assertThat(listener.types())
          .doesNotContain("platform.initStart", "platform.initReport", "extension")
          .containsSubsequence(
              "platform.logsSubscription",
              "platform.extension",
              "platform.start",
              "function",
              "platform.runtimeDone",
              "platform.end",
              "platform.report");
      Map<String, Object> runtimeDone = record("platform.runtimeDone");
      assertThat(runtimeDone)
          .isEqualTo(Map.of("requestId", invocation.requestId(), "status", "success"));
      assertThat(listener.events().stream().filter(e -> "function".equals(e.get("type"))))
          .extracting(e -> e.get("record"))
          .containsExactly("first line\n", "{\"msg\":\"a json line\",\"n\":1}\n", "last line\n");
    }
  }

  private Map<String, Object> record(String type) {
    List<Map<String, Object>> events = listener.events();
    return events.stream()
        .filter(e -> type.equals(e.get("type")))
        .map(e -> Json.asObject(e.get("record")))
        .findFirst()
        .orElseThrow();
  }
}
