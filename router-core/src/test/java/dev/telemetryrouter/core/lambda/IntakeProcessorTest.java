package dev.telemetryrouter.core.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.spi.FunctionContext;
import dev.telemetryrouter.spi.TelemetryRecord;
import java.time.Instant;
import java.time.InstantSource;
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
}
