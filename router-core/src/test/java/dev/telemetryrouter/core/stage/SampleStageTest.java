package dev.telemetryrouter.core.stage;

import static dev.telemetryrouter.core.stage.Stages.function;
import static dev.telemetryrouter.core.stage.Stages.outcome;
import static dev.telemetryrouter.core.stage.Stages.problems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.stage.Stage;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SampleStageTest {

  private final SampleStageProvider provider = new SampleStageProvider();

  @Test
  void sameRequestId_getsTheSameDecisionForEveryRecord() {
    Stage stage = Stages.create(provider, "rate: 0.5", new SplittableRandom(1)).stage();

    for (int request = 0; request < 50; request++) {
      String first = outcome(stage.apply(withRequest("req-" + request, "start")));
      for (int line = 0; line < 5; line++) {
        assertThat(outcome(stage.apply(withRequest("req-" + request, "line " + line))))
            .isEqualTo(first);
      }
    }
  }

  @Test
  void rate_keepsAboutThatFractionOfRequests() {
    Stage stage = Stages.create(provider, "rate: 0.25", new SplittableRandom(1)).stage();

    long kept =
        IntStream.range(0, 10_000)
            .filter(i -> outcome(stage.apply(withRequest("request-" + i, "x"))).equals("kept"))
            .count();

    assertThat(kept).isBetween(2_300L, 2_700L);
  }

  @Test
  void recordsWithoutRequestId_useTheInjectedRandomSource() {
    Stage first = Stages.create(provider, "rate: 0.5", new SplittableRandom(42)).stage();
    Stage second = Stages.create(provider, "rate: 0.5", new SplittableRandom(42)).stage();

    String a =
        IntStream.range(0, 40)
            .mapToObj(i -> outcome(first.apply(function("m"))))
            .toList()
            .toString();
    String b =
        IntStream.range(0, 40)
            .mapToObj(i -> outcome(second.apply(function("m"))))
            .toList()
            .toString();

    assertThat(a).isEqualTo(b).contains("kept").contains("sample");
  }

  @Test
  void rateZeroAndOne_dropAllAndKeepAll() {
    Stage none = Stages.create(provider, "rate: 0", new SplittableRandom(1)).stage();
    Stage all = Stages.create(provider, "rate: 1", new SplittableRandom(1)).stage();

    assertThat(outcome(none.apply(withRequest("r", "x")))).isEqualTo("sample");
    assertThat(outcome(all.apply(withRequest("r", "x")))).isEqualTo("kept");
  }

  @Test
  void create_mistakes_areReported() {
    assertThat(problems(provider, "rate: 1.5"))
        .containsExactly("pipeline[0].rate: 1.5 — expected a number from 0 to 1");
    assertThat(problems(provider, "key: requestId"))
        .containsExactly(
            "pipeline[0].rate: (missing) — expected the fraction of records to keep, from 0 to 1,"
                + " such as 0.1");
  }

  private static TelemetryRecord withRequest(String requestId, String message) {
    return function(message).toBuilder().field("requestId", requestId).build();
  }
}
