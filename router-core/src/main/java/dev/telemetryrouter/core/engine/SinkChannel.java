package dev.telemetryrouter.core.engine;

import dev.telemetryrouter.core.encode.RecordEncoder;
import dev.telemetryrouter.core.engine.SinkLedger.From;
import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import dev.telemetryrouter.spi.stage.StageResult;
import java.lang.System.Logger.Level;
import java.time.InstantSource;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Everything between the shared pipeline and one sink's sender: the route condition, the sink's
 * stages, encoding, the size policy and the bounded buffer. Sending and flushing are in {@link
 * SinkFlow}. Thread-safe: the intake may call {@link #route} from several threads.
 */
final class SinkChannel {

  /** Reason for a record whose route condition threw: the condition is a bug, counted here. */
  static final String ROUTE_ERROR = "route_error";

  private static final System.Logger log = System.getLogger(SinkChannel.class.getName());

  private final SinkPlan plan;
  private final SinkIdentity identity;
  private final StageChain stages;
  private final RecordEncoding encoding;
  private final OversizeGuard oversize;
  private final SinkBuffer buffer;
  private final Batcher batcher;
  private final SinkLedger ledger = new SinkLedger();
  private final DeadLetters deadLetters;
  private final SinkFlow flow;
  private final InstantSource clock;
  private final OnceLog once = new OnceLog();
  private volatile Runnable onDue = () -> {};

  SinkChannel(
      SinkPlan plan,
      InstantSource clock,
      Waiter waiter,
      RandomGenerator random,
      Function<String, @Nullable SinkChannel> channels) {
    this.plan = plan;
    this.identity = new SinkIdentity(plan.name(), plan.type());
    this.clock = clock;
    this.stages = new StageChain(plan.stages());
    this.encoding = plan.sink().encoding();
    this.batcher = new Batcher(plan.batch(), plan.sink().limits(), plan.buffer());
    this.oversize =
        new OversizeGuard(plan.oversize(), encoding, plan.sink().limits(), batcher.maxRecordCost());
    this.buffer = new SinkBuffer(identity, plan.buffer(), ledger, clock, waiter);

    DeadLetterPolicy policy = plan.deadLetter();
    SpillFile spill =
        policy.spillDirectory() == null
            ? null
            : new SpillFile(identity, policy.spillDirectory(), policy.spillMaxBytes(), clock);
    this.deadLetters = new DeadLetters(identity, spill, policy.sinkName(), channels);
    SpillReplay replay =
        spill == null
            ? null
            : new SpillReplay(identity, spill, buffer, batcher, oversize, encoding, ledger, clock);
    BatchSender sender =
        new BatchSender(
            identity,
            plan.sink(),
            batcher,
            plan.retry(),
            new Backoff(plan.retry(), random),
            clock,
            waiter);
    this.flow =
        new SinkFlow(
            identity,
            plan,
            new SinkFlow.Parts(buffer, batcher, sender, deadLetters, replay, ledger),
            clock,
            waiter,
            random);
  }

  /**
   * Offers a record that came through the shared pipeline.
   *
   * @return whether this sink's route accepted it (even if its stages then dropped it)
   */
  boolean route(TelemetryRecord record) {
    boolean routed;
    try {
      routed = plan.when().test(record);
    } catch (RuntimeException | StackOverflowError e) {
      // A user's pattern on a long line can overflow the stack: see StageChain.
      if (once.first(ROUTE_ERROR)) {
        log.log(Level.ERROR, "{0} the route condition failed; records are dropped", identity, e);
      }
      ledger.drop(From.ARRIVING, ROUTE_ERROR, 1);
      return true;
    }
    if (!routed) {
      return false;
    }

    switch (stages.run(record)) {
      case StageResult.Keep keep -> admit(keep.record(), false);
      case StageResult.Drop drop -> ledger.drop(From.ARRIVING, drop.reason(), 1);
    }
    return true;
  }

  /** Takes another sink's dead letter: no route condition and no stages, its own encoding. */
  void acceptDeadLetter(TelemetryRecord record) {
    admit(record, true);
  }

  private void admit(TelemetryRecord record, boolean deadLetter) {
    byte[] data = RecordEncoder.encode(record, encoding);
    OversizeGuard.Fitted fitted = oversize.fit(record, data);
    if (fitted == null) {
      QueuedRecord whole =
          new QueuedRecord(record, data, oversize.cost(data), clock.instant(), 0, deadLetter);
      String detail =
          "encoded record of "
              + whole.cost()
              + " bytes, over the limit of "
              + batcher.maxRecordCost();
      String dropReason = deadLetters.handle(whole, OversizeGuard.OVERSIZE, detail);
      if (dropReason == null) {
        ledger.deadLetter(From.ARRIVING, 1);
      } else {
        ledger.drop(From.ARRIVING, dropReason, 1);
      }
      return;
    }

    long cost = oversize.cost(fitted.data());
    QueuedRecord queued =
        new QueuedRecord(fitted.record(), fitted.data(), cost, clock.instant(), 0, deadLetter);
    if (buffer.offer(queued, batcher)) {
      onDue.run();
    }
  }

  /** Called when a batch is due or the age timer starts, so a background worker can wake up. */
  void onDue(Runnable callback) {
    this.onDue = callback;
  }

  SinkFlow flow() {
    return flow;
  }

  SinkPlan plan() {
    return plan;
  }

  String name() {
    return plan.name();
  }

  SinkIdentity identity() {
    return identity;
  }

  /** Records in the buffer now; with nothing in flight, the accounts' pending must equal it. */
  int buffered() {
    return buffer.size();
  }

  Accounts.SinkAccounts accounts() {
    return ledger.snapshot();
  }
}
