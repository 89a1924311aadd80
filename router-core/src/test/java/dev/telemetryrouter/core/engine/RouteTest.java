package dev.telemetryrouter.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.stage.Stage;
import dev.telemetryrouter.spi.stage.StageResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTest {

  private final FakeClock clock = new FakeClock();

  @Test
  void accept_whenAPipelineStageThrows_dropsTheRecordAsStageErrorWithThePath() {
    FakeSink sink = new FakeSink();
    NamedStage broken =
        new NamedStage(
            "pipeline[1]",
            record -> {
              if (record.id().equals("r1")) {
                throw new IllegalStateException("bug");
              }
              return StageResult.keep(record);
            });
    Router router = Plans.router(clock, 1, List.of(broken), Plans.sink("archive", sink));

    router.accept(Records.text(0));
    router.accept(Records.text(1));
    router.flushAll(clock.instant().plusSeconds(1));

    assertThat(sink.deliveredIds()).containsExactly("r0");
    assertThat(router.accounts().pipelineDropped())
        .containsExactly(Map.entry("stage_error:pipeline[1]", 1L));
  }

  /**
   * A user's pattern that repeats a group (a custom redaction, a filter's {@code matches}) recurses
   * once per repetition in java.util.regex, so a long enough line overflows the stack: that record
   * fails, the others go on.
   */
  @Test
  void accept_whenAStageOverflowsTheStack_dropsTheRecordAsStageErrorAndRoutesTheNext() {
    FakeSink sink = new FakeSink();
    NamedStage deep = new NamedStage("pipeline[1]", overflowingOn("r1"));
    Router router = Plans.router(clock, 1, List.of(deep), Plans.sink("archive", sink));

    router.accept(Records.text(1));
    router.accept(Records.text(2));
    router.flushAll(clock.instant().plusSeconds(1));

    assertThat(sink.deliveredIds()).containsExactly("r2");
    assertThat(router.accounts().pipelineDropped())
        .containsExactly(Map.entry("stage_error:pipeline[1]", 1L));
  }

  @Test
  void accept_whenARouteConditionOverflowsTheStack_dropsTheRecordAsRouteError() {
    FakeSink sink = new FakeSink();
    SinkPlan plan =
        Plans.withRoute(
            Plans.sink("archive", sink),
            r -> overflowingOn("r1").apply(r) instanceof StageResult.Keep,
            List.of());
    Router router = Plans.router(clock, plan);

    router.accept(Records.text(1));
    router.accept(Records.text(2));
    router.flushAll(clock.instant().plusSeconds(1));

    assertThat(sink.deliveredIds()).containsExactly("r2");
    assertThat(router.accounts().sinks().get("archive").dropped())
        .containsExactly(Map.entry(SinkChannel.ROUTE_ERROR, 1L));
  }

  @Test
  void accept_fansOutToEveryRouteThatMatches_andCountsUnroutedRecords() {
    FakeSink errors = new FakeSink();
    FakeSink all = new FakeSink();
    SinkPlan errorsPlan =
        Plans.withRoute(Plans.sink("errors", errors), r -> "ERROR".equals(r.level()), List.of());
    SinkPlan allPlan =
        Plans.withRoute(Plans.sink("all", all), r -> !r.id().equals("r2"), List.of());
    Router router = Plans.router(clock, errorsPlan, allPlan);

    router.accept(withLevel(Records.text(0), "ERROR"));
    router.accept(withLevel(Records.text(1), "INFO"));
    router.accept(withLevel(Records.text(2), "INFO"));
    router.flushAll(clock.instant().plusSeconds(1));

    assertThat(errors.deliveredIds()).containsExactly("r0");
    assertThat(all.deliveredIds()).containsExactly("r0", "r1");
    assertThat(router.accounts().pipelineDropped()).containsExactly(Map.entry("unrouted", 1L));
    assertThat(router.accounts().sinks().get("errors").received()).isEqualTo(1);
  }

  @Test
  void accept_whenSinkStageDrops_countsTheRecordAsReceivedAndDroppedBySink() {
    FakeSink sink = new FakeSink();
    NamedStage dropOdd =
        new NamedStage(
            "sinks.archive.stages[0]",
            r -> r.id().endsWith("1") ? StageResult.drop("filter:odd") : StageResult.keep(r));
    Router router =
        Plans.router(
            clock, Plans.withRoute(Plans.sink("archive", sink), r -> true, List.of(dropOdd)));

    router.accept(Records.text(0));
    router.accept(Records.text(1));
    router.flushAll(clock.instant().plusSeconds(1));

    Accounts.SinkAccounts accounts = router.accounts().sinks().get("archive");
    assertThat(accounts.received()).isEqualTo(2);
    assertThat(accounts.dropped()).containsExactly(Map.entry("filter:odd", 1L));
    assertThat(accounts.delivered()).isEqualTo(1);
  }

  /** A stage that overflows the stack on the record with {@code id}, as a deep pattern does. */
  private static Stage overflowingOn(String id) {
    return record -> {
      if (record.id().equals(id)) {
        throw new StackOverflowError();
      }
      return StageResult.keep(record);
    };
  }

  private static TelemetryRecord withLevel(TelemetryRecord record, String level) {
    return record.toBuilder().field(TelemetryRecord.LEVEL, level).build();
  }
}
