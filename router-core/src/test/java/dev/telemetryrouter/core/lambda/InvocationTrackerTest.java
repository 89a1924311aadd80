package dev.telemetryrouter.core.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InvocationTrackerTest {

  private static final String REQUEST = "6d68ca91-49c9-448d-89b8-7ca3e6dc66aa";

  private final InvocationTracker tracker = new InvocationTracker(InstantSource.system());

  @Test
  void awaitRuntimeDone_markedBeforeTheWait_returnsAtOnce() throws Exception {
    tracker.runtimeDone(REQUEST);

    boolean done = tracker.awaitRuntimeDone(REQUEST, Instant.now().plusSeconds(30));

    assertThat(done).isTrue();
  }

  @Test
  void awaitRuntimeDone_deadlinePassed_returnsFalse() throws Exception {
    tracker.runtimeDone("another-request");

    boolean done = tracker.awaitRuntimeDone(REQUEST, Instant.now().minusMillis(1));

    assertThat(done).isFalse();
  }

  @Test
  void awaitReport_markedByAnotherThreadWhileWaiting_wakesUp() throws Exception {
    CompletableFuture<Boolean> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return tracker.awaitReport(REQUEST, Instant.now().plusSeconds(30));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });

    tracker.runtimeDone(REQUEST);
    tracker.reported(REQUEST);

    assertThat(waiting.get(20, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void remembered_onlyTheLatestSixtyFour() throws Exception {
    tracker.runtimeDone(REQUEST);
    for (int i = 0; i < 64; i++) {
      tracker.runtimeDone("request-" + i);
    }

    boolean done = tracker.awaitRuntimeDone(REQUEST, Instant.now().minusMillis(1));

    assertThat(done).isFalse();
  }

  @Test
  void awaitQuiet_deadlinePassed_returns() throws Exception {
    tracker.delivered();

    tracker.awaitQuiet(Duration.ofSeconds(30), Instant.now().minusMillis(1));

    assertThat(tracker.deliveries()).isEqualTo(1);
  }
}
