package dev.telemetryrouter.locallambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtensionsApiTest {

  @TempDir Path tmp;

  @Test
  void register_withLauncherFileName_returnsIdentifierAndFunctionInfo() throws Exception {
    try (DrivenInit init = new DrivenInit(tmp, LocalLambda.builder().functionName("fn"))) {
      ExtensionDriver.Reply reply =
          init.driver.register(
              "router",
              "{\"events\":[\"INVOKE\",\"SHUTDOWN\"]}",
              Map.of(ExtensionsApi.FEATURE_HEADER, "foo, accountId"));

      assertThat(reply.status()).isEqualTo(200);
      assertThat(init.driver.id).matches("[0-9a-f-]{36}");
      assertThat(Json.parse(reply.body()))
          .isEqualTo(
              Map.of(
                  "functionName", "fn",
                  "functionVersion", "$LATEST",
                  "handler", "function.handler",
                  "accountId", "123456789012"));
      init.finishInit();
    }
  }

  @Test
  void register_withNameOfNoLayerFile_isRefusedAsInternalExtension() throws Exception {
    try (DrivenInit init = new DrivenInit(tmp)) {
      ExtensionDriver.Reply reply =
          init.driver.register("router.jar", "{\"events\":[\"INVOKE\",\"SHUTDOWN\"]}");

      assertThat(reply.status()).isEqualTo(403);
      assertThat(reply.errorType()).isEqualTo("Extension.InvalidEventType");
      assertThat(reply.body()).contains("router.jar").contains("[router]");
      init.finishInit();
    }
  }

  @Test
  void register_twice_isRefusedWithInvalidExtensionState() throws Exception {
    try (DrivenInit init = new DrivenInit(tmp)) {
      init.driver.register("router", "{\"events\":[\"INVOKE\"]}");
      String firstId = init.driver.id;

      ExtensionDriver.Reply again = init.driver.register("router", "{\"events\":[\"INVOKE\"]}");

      assertThat(again.status()).isEqualTo(403);
      assertThat(again.errorType()).isEqualTo("Extension.InvalidExtensionState");
      init.driver.id = firstId;
      init.finishInit();
    }
  }

  @Test
  void register_withBadBodies_isRefusedWithTheirErrorTypes() throws Exception {
    try (DrivenInit init = new DrivenInit(tmp)) {
      ExtensionDriver.Reply keys =
          init.driver.register("router", "{\"events\":[],\"configurationKeys\":[\"a\"]}");
      ExtensionDriver.Reply badEvent = init.driver.register("router", "{\"events\":[\"START\"]}");
      ExtensionDriver.Reply noName = init.driver.register("", "{}");
      ExtensionDriver.Reply notJson = init.driver.register("router", "{events");

      assertThat(keys.errorType()).isEqualTo("InvalidRequestFormat");
      assertThat(badEvent.errorType()).isEqualTo("Extension.InvalidEventType");
      assertThat(noName.errorType()).isEqualTo("Extension.InvalidExtensionName");
      assertThat(notJson.errorType()).isEqualTo("InvalidRequestFormat");
      assertThat(notJson.status()).isEqualTo(403);
      init.finishInit();
    }
  }

  @Test
  void next_withMissingBadOrUnknownIdentifier_isRefused() throws Exception {
    try (DrivenInit init = new DrivenInit(tmp)) {
      ExtensionDriver.Reply missing = init.driver.nextWithId(" ");
      ExtensionDriver.Reply invalid = init.driver.nextWithId("not-a-uuid");
      ExtensionDriver.Reply unknown =
          init.driver.nextWithId("8d4b0c8e-8a0a-4d5e-9c1e-1f2a3b4c5d6e");

      assertThat(missing.errorType()).isEqualTo("Extension.MissingExtensionIdentifier");
      assertThat(invalid.errorType()).isEqualTo("Extension.InvalidExtensionIdentifier");
      assertThat(unknown.errorType()).isEqualTo("Extension.UnknownExtensionIdentifier");
      init.finishInit();
    }
  }

  @Test
  void register_afterInit_isRefusedWithRegistrationClosed() throws Exception {
    try (DrivenInit init = new DrivenInit(tmp)) {
      init.finishInit();

      ExtensionDriver.Reply late = init.driver.register("other", "{\"events\":[\"INVOKE\"]}");

      assertThat(late.status()).isEqualTo(403);
      assertThat(late.errorType()).isEqualTo("Extension.RegistrationClosed");
    }
  }

  @Test
  void initError_isAnsweredAcceptedRecordedAndFailsInit() throws Exception {
    try (DrivenInit init = new DrivenInit(tmp)) {
      init.driver.register("router", "{\"events\":[\"INVOKE\",\"SHUTDOWN\"]}");
      ExtensionDriver.Reply noHeader = init.driver.error("init", "", "{}");

      String body = "{\"errorMessage\":\"routing.yaml: sinks.a.type 'x' is unknown\"}";
      ExtensionDriver.Reply accepted = init.driver.error("init", "Extension.ConfigInvalid", body);
      LocalLambda lambda = init.started.get(20, TimeUnit.SECONDS);

      assertThat(noHeader.status()).isEqualTo(403);
      assertThat(noHeader.errorType()).isEqualTo("Extension.MissingHeader");
      assertThat(accepted.status()).isEqualTo(202);
      assertThat(accepted.body()).isEqualTo("{\"status\":\"OK\"}");
      assertThat(lambda.initSucceeded()).isFalse();
      assertThat(lambda.initErrors())
          .containsExactly(
              new RunReport.ErrorCall("router", "init", "Extension.ConfigInvalid", body));
      assertThat(lambda.report().initErrorType()).isEqualTo("Extension.ConfigInvalid");
      assertThat(init.driver.nextWithId(init.driver.id).errorType())
          .isEqualTo("Extension.InvalidExtensionState");
    }
  }

  @Test
  void exitError_duringAnInvocation_isRecordedFailsItAndResets() throws Exception {
    LocalLambdaBuilder builder =
        LocalLambda.builder()
            .function(FunctionSource.events(TestLayer.resource("two-invocations.jsonl")));
    try (DrivenInit init = new DrivenInit(tmp, builder)) {
      init.driver.register("router", "{\"events\":[\"INVOKE\",\"SHUTDOWN\"]}");
      var nextEvent = init.driver.next();
      LocalLambda lambda = init.started.get(20, TimeUnit.SECONDS);
      // Its own thread: on a small machine the common pool may have one thread, which the
      // HTTP client also needs.
      var invocation = new java.util.concurrent.FutureTask<>(lambda::invoke);
      Thread.ofVirtual().start(invocation);

      assertThat(nextEvent.get(20, TimeUnit.SECONDS).body()).contains("\"eventType\":\"INVOKE\"");
      ExtensionDriver.Reply reply =
          init.driver.error("exit", "Extension.SinkUnreachable", "{\"errorMessage\":\"gone\"}");
      RunReport.InvocationReport result = invocation.get(20, TimeUnit.SECONDS);

      assertThat(reply.status()).isEqualTo(202);
      assertThat(result.status()).isEqualTo("failure");
      assertThat(result.errorType()).isEqualTo("Extension.SinkUnreachable");
      assertThat(lambda.exitErrors())
          .extracting(RunReport.ErrorCall::errorType)
          .containsExactly("Extension.SinkUnreachable");
      assertThat(lambda.report().shutdownReason()).isEqualTo("failure");
    }
  }
}
