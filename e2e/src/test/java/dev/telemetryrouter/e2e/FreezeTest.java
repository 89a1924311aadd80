package dev.telemetryrouter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.locallambda.FunctionSource;
import dev.telemetryrouter.locallambda.LocalLambda;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #3, end-to-end 6: with the sandbox frozen between invocations (SIGSTOP once every extension
 * called /next), a sink flushing in the background loses nothing and sends nothing twice: sends in
 * flight at /next finish before the freeze or after the thaw.
 */
class FreezeTest {

  private static final int INVOCATIONS = 10;
  private static final int LINES = 60;

  /** Small, quickly aged batches keep several background sends going when /next is called. */
  private static final String BACKGROUND_SINK =
      "    flush:\n"
          + "      mode: background\n"
          + "    batch:\n"
          + "      max_records: 7\n"
          + "      max_age: 5ms\n";

  /** Long enough for a send held across the freeze. */
  private static final String HELD_SEND = "    read_timeout: 30s\n    call_timeout: 30s\n";

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void backgroundFlushUnderFreeze_everyLineExactlyOnce(@TempDir Path root) {
    Harness harness = new Harness(root);
    List<String> requestIds = new ArrayList<>();
    String function =
        "n=$(( $(cat count 2>/dev/null || echo 0) + 1 )); echo $n > count;"
            + " i=1; while [ $i -le "
            + LINES
            + " ]; do echo \"inv-$n line-$i\"; i=$((i+1)); done";

    try (LocalLambda lambda =
        harness
            .emulator(harness.routing("", BACKGROUND_SINK))
            .function(FunctionSource.command(function))
            .start()) {
      assertThat(lambda.initSucceeded()).as(harness.extensionLog(lambda)).isTrue();
      for (int i = 0; i < INVOCATIONS; i++) {
        requestIds.add(lambda.invoke().requestId());
      }
      lambda.shutdown();
    }

    List<Map<String, @Nullable Object>> routed = harness.routed();
    assertThat(routed).extracting(r -> r.get("id")).doesNotHaveDuplicates();
    for (int n = 1; n <= INVOCATIONS; n++) {
      String requestId = requestIds.get(n - 1);
      int invocation = n;
      List<String> expected =
          IntStream.rangeClosed(1, LINES)
              .mapToObj(i -> "inv-" + invocation + " line-" + i)
              .toList();
      assertThat(
              routed.stream()
                  .filter(r -> "function".equals(r.get("type")))
                  .filter(r -> requestId.equals(r.get("requestId")))
                  .map(r -> r.get("record"))
                  .toList())
          .as("invocation %d", n)
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  /**
   * A send to a slow intake started while the function ran is still in flight when the bounded
   * end-of-invocation wait ends (the invocation deadline), so the extension calls /next with it
   * open and is frozen; the intake answers only once the process is stopped, so the send can only
   * complete after the thaw, and it must do so once, without a retry that would duplicate it.
   */
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void sendInFlightAcrossTheFreeze_completesAfterTheThawExactlyOnce(@TempDir Path root)
      throws Exception {
    Harness harness = new Harness(root);
    List<String> requestIds = new ArrayList<>();
    String function =
        "n=$(( $(cat count 2>/dev/null || echo 0) + 1 )); echo $n > count;"
            + " if [ $n -eq 1 ]; then echo held-1; sleep 0.3; else echo inv-$n; fi";
    String log;

    try (LoopbackIntake intake = LoopbackIntake.holding("held-1");
        LocalLambda lambda =
            harness
                .emulator(
                    harness.routing("", intake.sinkYaml("intake", HELD_SEND + BACKGROUND_SINK)))
                .function(FunctionSource.command(function))
                .functionTimeout(Duration.ofSeconds(2))
                .start()) {
      assertThat(lambda.initSucceeded()).as(harness.extensionLog(lambda)).isTrue();
      intake.watch(() -> lambda.extensionPids().getFirst());
      requestIds.add(lambda.invoke().requestId());
      assertThat(intake.awaitReleased(30_000))
          .as("the held send arrived and was answered")
          .isTrue();
      assertThat(intake.frozenWhileHeld()).as("extension stopped while the send was held").isTrue();
      for (int i = 1; i < 3; i++) {
        requestIds.add(lambda.invoke().requestId());
      }
      lambda.shutdown("spindown");
      log = harness.extensionLog(lambda);

      List<@Nullable Object> lines =
          intake.received().stream()
              .filter(r -> "function".equals(r.get("type")))
              .map(r -> r.get("record"))
              .toList();
      assertThat(lines).containsExactlyInAnyOrder("held-1", "inv-2", "inv-3");
      assertThat(intake.received()).extracting(r -> r.get("id")).doesNotHaveDuplicates();
    }
    SummaryLine.SinkCounts counts = SummaryLine.find(log).sinks().get("intake");
    assertThat(counts).isNotNull();
    assertThat(counts.delivered()).isEqualTo(counts.received());
    assertThat(counts.pending()).isZero();
  }
}
