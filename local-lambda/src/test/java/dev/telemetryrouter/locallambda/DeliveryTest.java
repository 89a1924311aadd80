package dev.telemetryrouter.locallambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryTest {

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

  private LocalLambda subscribed(DrivenInit init, String schema) throws Exception {
    init.driver.register("router", "{\"events\":[\"INVOKE\",\"SHUTDOWN\"]}");
    init.driver.subscribe("/2022-07-01/telemetry", Fixtures.telemetry(schema, listener.uri()));
    return init.finishInit();
  }

  @Test
  void delivery_whenTheListenerAnswers500_dropsThatBatchAndReportsLogsDropped() throws Exception {
    listener.answer(n -> n == 1 ? 500 : 200);
    // Not frozen, and the logsDropped awaited before SHUTDOWN: the process that stands for the
    // extension here is killed at the deadline, and nothing is delivered after that.
    LocalLambdaBuilder builder =
        LocalLambda.builder()
            .freeze(false)
            .function(FunctionSource.events(TestLayer.resource("two-invocations.jsonl")));
    try (DrivenInit init = new DrivenInit(tmp, builder)) {
      LocalLambda lambda = subscribed(init, "2022-12-13");

      lambda.invoke();
      listener.awaitCount("platform.logsDropped", 1, Duration.ofSeconds(20));
      RunReport report = lambda.shutdown();

      List<Map<String, Object>> dropped = records("platform.logsDropped");
      assertThat(dropped).hasSize(1);
      assertThat(dropped.getFirst().get("reason")).isEqualTo("could not send events: status 500");
      RunReport.SubscriberReport stats = report.subscribers().getFirst();
      assertThat(stats.failedRequests()).isEqualTo(1);
      assertThat(stats.droppedBatches()).isEqualTo(1);
      assertThat(stats.droppedEvents()).isEqualTo((Long) dropped.getFirst().get("droppedRecords"));
      assertThat(stats.deliveredEvents()).isEqualTo(listener.events().size());
    }
  }

  @Test
  void delivery_whenTheListenerIsSlow_keepsOneRequestInFlightAndDropsTheBatchThatFilled()
      throws Exception {
    listener.hold(700);
    // Not frozen, so the logsDropped events reach the listener before SHUTDOWN: the process that
    // stands for the extension here is killed at the deadline, and nothing goes out after that.
    LocalLambdaBuilder builder =
        LocalLambda.builder()
            .freeze(false)
            .function(FunctionSource.events(TestLayer.resource("busy-function.jsonl")));
    try (DrivenInit init = new DrivenInit(tmp, builder)) {
      LocalLambda lambda = subscribed(init, "2022-12-13");

      lambda.invoke();
      listener.awaitCount("platform.logsDropped", 1, Duration.ofSeconds(20));
      RunReport report = lambda.shutdown();

      assertThat(listener.maxInFlight()).isEqualTo(1);
      List<Map<String, Object>> dropped = records("platform.logsDropped");
      assertThat(dropped)
          .isNotEmpty()
          .allSatisfy(
              d -> {
                assertThat(d.get("reason")).isEqualTo(Subscriber.SLOW_CONSUMER);
                assertThat(d.get("droppedRecords")).isEqualTo(1000L);
              });
      assertThat(records("function").size()).isLessThan(2500);
      assertThat(report.subscribers().getFirst().droppedEvents()).isGreaterThanOrEqualTo(1000);
    }
  }

  @Test
  void delivery_whenSlowAndFullBatchesQueue_deliversEveryLineInOrder() throws Exception {
    listener.hold(300);
    LocalLambdaBuilder builder =
        LocalLambda.builder()
            .dropWhileBusy(false)
            .freeze(false)
            .function(FunctionSource.events(TestLayer.resource("busy-function.jsonl")));
    try (DrivenInit init = new DrivenInit(tmp, builder)) {
      LocalLambda lambda = subscribed(init, "2022-12-13");

      lambda.invoke();
      listener.awaitCount("function", 2500, Duration.ofSeconds(20));
      RunReport report = lambda.shutdown();

      assertThat(listener.maxInFlight()).isEqualTo(1);
      assertThat(records("platform.logsDropped")).isEmpty();
      List<Object> lines =
          listener.events().stream()
              .filter(e -> "function".equals(e.get("type")))
              .map(e -> e.get("record"))
              .toList();
      assertThat(lines)
          .hasSize(2500)
          .startsWith("line 0 of a busy function\n")
          .endsWith("line 2499 of a busy function\n");
      assertThat(report.subscribers().getFirst().droppedEvents()).isZero();
    }
  }

  @Test
  void jsonFormat_withSchema20221213_deliversJsonLinesAsObjectsAndWrapsTheOthers()
      throws Exception {
    LocalLambdaBuilder builder =
        LocalLambda.builder()
            .logFormat(LogFormat.JSON)
            .function(FunctionSource.events(TestLayer.resource("json-format.jsonl")));
    try (DrivenInit init = new DrivenInit(tmp, builder)) {
      LocalLambda lambda = subscribed(init, "2022-12-13");

      lambda.invoke();
      lambda.shutdown();

      List<Map<String, Object>> lines = records("function");
      assertThat(lines).hasSize(3);
      assertThat(lines.get(0)).containsEntry("level", "ERROR").containsEntry("message", "boom");
      assertThat(lines.get(1)).isEqualTo(Map.of("orderId", 42L));
      assertThat(lines.get(2))
          .containsEntry("level", "INFO")
          .containsEntry("message", "plain text line")
          .containsKey("timestamp");
    }
  }

  @Test
  void jsonFormat_withSchema20220701_deliversJsonLinesAsStrings() throws Exception {
    LocalLambdaBuilder builder =
        LocalLambda.builder()
            .logFormat(LogFormat.JSON)
            .function(FunctionSource.events(TestLayer.resource("json-format.jsonl")));
    try (DrivenInit init = new DrivenInit(tmp, builder)) {
      LocalLambda lambda = subscribed(init, "2022-07-01");

      lambda.invoke();
      lambda.shutdown();

      List<Object> lines =
          listener.events().stream()
              .filter(e -> "function".equals(e.get("type")))
              .map(e -> e.get("record"))
              .toList();
      assertThat(lines).hasSize(3).allSatisfy(r -> assertThat(r).isInstanceOf(String.class));
      assertThat(lines.get(1)).isEqualTo("{\"orderId\":42}");
    }
  }

  private List<Map<String, Object>> records(String type) {
    return listener.events().stream()
        .filter(e -> type.equals(e.get("type")))
        .map(e -> Json.asObject(e.get("record")))
        .toList();
  }
}
