package dev.telemetryrouter.core.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.spi.FunctionContext;
import dev.telemetryrouter.spi.TelemetryRecord;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One delivery at a time through decode, assembly and the router, without a listener. */
class IntakeProcessorTest {

  private static final String REQUEST = "6d68ca91-49c9-448d-89b8-7ca3e6dc66aa";

  private final RecordingRouter router = new RecordingRouter();
  private final IntakeCounters counters = new IntakeCounters();
  private final InvocationTracker tracker = new InvocationTracker(InstantSource.system());
  private final IntakeProcessor processor =
      new IntakeProcessor(
          new RecordAssembler(FunctionContext.UNKNOWN, "t", InstantSource.system()),
          router,
          tracker,
          counters,
          false);

  /**
   * A record nested 900 levels deep (Jackson reads up to 1000) or a user's pattern that repeats a
   * group overflow the layer's 512 KiB thread stacks on the way through the router: that event is
   * lost, the rest of the delivery is not, and its runtimeDone still ends the invocation's wait.
   */
  @Test
  void process_whenRoutingAnEventOverflowsTheStack_countsItAndRoutesTheRest() throws Exception {
    router.failAcceptOf("plain line one", new StackOverflowError());

    processor.process(Fixtures.bytes("telemetry-2025-01-29-text.json"));

    assertThat(counters.routeFailures.get()).isEqualTo(1);
    assertThat(router.accepted())
        .extracting(TelemetryRecord::message)
        .doesNotContain("plain line one")
        .contains("line after runtimeDone");
    assertThat(tracker.deliveries()).isEqualTo(1);
    assertThat(tracker.awaitRuntimeDone(REQUEST, Instant.now())).isTrue();
  }

  /**
   * A runtimeDone lets the lifecycle start the invocation's final flush; lines after it in the same
   * delivery belong in that flush, so it may be marked only once the whole delivery is routed.
   */
  @Test
  void process_whenRuntimeDoneComesBeforeMoreLines_marksTheTrackerOnlyAfterAllAreRouted()
      throws Exception {
    List<String> markedWhileRouting = new ArrayList<>();
    router.onAccept(
        record -> {
          if (marked(REQUEST)) {
            markedWhileRouting.add(record.type() + " " + record.message());
          }
        });

    processor.process(Fixtures.bytes("telemetry-2025-01-29-text.json"));

    assertThat(router.accepted())
        .extracting(TelemetryRecord::type)
        .containsSubsequence("platform.runtimeDone", "function", "platform.report");
    assertThat(markedWhileRouting).isEmpty();
    assertThat(tracker.awaitRuntimeDone(REQUEST, Instant.EPOCH)).isTrue();
    assertThat(tracker.awaitReport(REQUEST, Instant.EPOCH)).isTrue();
  }

  @Test
  void process_whenTheTailIsMalformed_routesAndMarksTheEventsBeforeIt() throws Exception {
    processor.process(Fixtures.bytes("malformed-tail-after-runtime-done.json"));

    assertThat(counters.malformedDeliveries.get()).isEqualTo(1);
    assertThat(counters.events.get()).isEqualTo(4);
    assertThat(router.accepted())
        .extracting(TelemetryRecord::type)
        .containsExactly("platform.start", "function", "platform.runtimeDone", "function");
    assertThat(router.accepted().getLast().message()).isEqualTo("line after runtimeDone");
    assertThat(tracker.awaitRuntimeDone(REQUEST, Instant.EPOCH)).isTrue();
    assertThat(tracker.deliveries()).isEqualTo(1);
  }

  @Test
  void process_deliveriesOfOwnLinesOnly_areCountedAndOthersAreNot() {
    processor.process(Fixtures.bytes("own-lines-only.json"));
    processor.process(Fixtures.bytes("own-lines-only.json"));
    processor.process(Fixtures.bytes("telemetry-2025-01-29-text.json"));

    assertThat(counters.ownOnlyDeliveries.get()).isEqualTo(2);
    assertThat(counters.ownLines.get()).isEqualTo(2 * 2 + 1);
    assertThat(counters.deliveries.get()).isEqualTo(3);
    assertThat(router.accepted())
        .noneMatch(r -> String.valueOf(r.payload()).startsWith("[telemetry-router]"));
  }

  /** Whether the tracker holds {@code requestId}'s runtimeDone or report, without waiting. */
  private boolean marked(String requestId) {
    try {
      return tracker.awaitRuntimeDone(requestId, Instant.EPOCH)
          || tracker.awaitReport(requestId, Instant.EPOCH);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
