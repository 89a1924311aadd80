package dev.telemetryrouter.core.engine;

import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.stage.StageResult;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The engine built from a {@link RoutingPlan}: the shared pipeline, then one {@link SinkChannel}
 * per active sink.
 *
 * <p>Built without a thread factory it is synchronous: nothing runs in the background, {@link
 * #sendDue()} sends the batches that are due on the calling thread, and with a fake clock and
 * {@link Waiter} a test drives every decision without sleeping. With a thread factory, {@link
 * #start()} gives each sink a worker that sends full or aged batches while records arrive.
 */
public final class Router implements RecordRouter {

  private static final System.Logger log = System.getLogger(Router.class.getName());

  private final StageChain pipeline;
  private final PipelineLedger pipelineLedger = new PipelineLedger();
  private final Map<String, SinkChannel> channels = new LinkedHashMap<>();
  private final List<SinkChannel> flushOrder;
  private final List<SinkWorker> workers = new ArrayList<>();
  private final @Nullable ThreadFactory workerThreads;
  private final InstantSource clock;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean shutDown = new AtomicBoolean();

  /**
   * @param workerThreads makes one thread per sink (virtual threads suit), or null for a
   *     synchronous router driven by {@link #sendDue()} and the flush methods
   */
  public Router(
      RoutingPlan plan,
      InstantSource clock,
      Waiter waiter,
      RandomGenerator random,
      @Nullable ThreadFactory workerThreads) {
    this.pipeline = new StageChain(plan.pipeline());
    this.clock = clock;
    this.workerThreads = workerThreads;
    for (SinkPlan sink : plan.sinks()) {
      // Each sink gets its own generator: workers draw backoffs at the same time, and most
      // generators (the JDK default among them) are not thread-safe. Seeded from the injected one,
      // so a seeded router stays reproducible.
      RandomGenerator own = new SplittableRandom(random.nextLong());
      channels.put(sink.name(), new SinkChannel(sink, clock, waiter, own, channels::get));
    }
    this.flushOrder = flushOrder(plan);
  }

  /** A router whose sinks send in the background on virtual threads, with a blocking waiter. */
  public static Router background(RoutingPlan plan, InstantSource clock, RandomGenerator random) {
    ThreadFactory threads = Thread.ofVirtual().name("telemetry-router-sink-", 0).factory();
    return new Router(plan, clock, Waiter.blocking(clock), random, threads);
  }

  /** Starts the sinks and their workers; does nothing for a synchronous router. */
  public void start() {
    if (workerThreads == null || !started.compareAndSet(false, true)) {
      return;
    }
    for (SinkChannel channel : channels.values()) {
      SinkWorker worker = new SinkWorker(channel.flow(), clock);
      channel.onDue(worker::signal);
      workers.add(worker);
      workerThreads.newThread(worker).start();
    }
    log.log(Level.INFO, "router started with {0} sinks", channels.size());
  }

  @Override
  public void accept(TelemetryRecord record) {
    pipelineLedger.receive();
    switch (pipeline.run(record)) {
      case StageResult.Drop drop -> pipelineLedger.drop(drop.reason());
      case StageResult.Keep keep -> {
        boolean routed = false;
        for (SinkChannel channel : channels.values()) {
          routed |= channel.route(keep.record());
        }
        if (!routed) {
          pipelineLedger.drop(PipelineLedger.UNROUTED);
        }
      }
    }
  }

  /** Sends every sink's due batches (full or aged) on the calling thread. */
  public void sendDue() {
    channels.values().forEach(channel -> channel.flow().sendDue());
  }

  @Override
  public FlushReport flushAll(Instant deadline) {
    return FlushProgress.measure(
        flushOrder,
        () -> FairShare.run(flushOrder, deadline, clock, (ch, slice) -> ch.flow().flush(slice)));
  }

  @Override
  public FlushReport endOfInvocation(Instant deadline) {
    return FlushProgress.measure(
        flushOrder, () -> FairShare.run(flushOrder, deadline, clock, this::endOfInvocation));
  }

  @Override
  public FlushReport shutdown(Instant deadline) {
    if (!shutDown.compareAndSet(false, true)) {
      return FlushProgress.measure(flushOrder, () -> {});
    }
    FlushReport report =
        FlushProgress.measure(
            flushOrder,
            () -> {
              FairShare.run(flushOrder, deadline, clock, (ch, slice) -> ch.flow().flush(slice));
              workers.forEach(SinkWorker::stop);
              flushOrder.forEach(channel -> channel.flow().close(deadline));
            });
    log.log(Level.INFO, AccountsSummary.render(accounts()));
    return report;
  }

  @Override
  public Accounts accounts() {
    PipelineLedger.Snapshot pipelineCounts = pipelineLedger.snapshot();
    Map<String, Accounts.SinkAccounts> sinks = new LinkedHashMap<>();
    channels.forEach((name, channel) -> sinks.put(name, channel.accounts()));
    return new Accounts(pipelineCounts.received(), pipelineCounts.dropped(), sinks);
  }

  /** The channel of sink {@code name}, for tests that look behind the accounts. */
  @Nullable SinkChannel channel(String name) {
    return channels.get(name);
  }

  private void endOfInvocation(SinkChannel channel, Instant deadline) {
    FlushPolicy policy = channel.plan().flush();
    boolean flushAll =
        switch (policy.mode()) {
          case END_OF_INVOKE -> true;
          case PERIODIC ->
              !clock.instant().isBefore(channel.flow().lastFullFlush().plus(policy.interval()));
          case BACKGROUND -> false;
        };
    if (flushAll) {
      channel.flow().flush(deadline);
    } else {
      channel.flow().awaitInFlight(deadline);
    }
  }

  /** Plan order, except that a sink other sinks dead-letter into comes after them. */
  private List<SinkChannel> flushOrder(RoutingPlan plan) {
    List<String> targets = plan.sinks().stream().map(sink -> sink.deadLetter().sinkName()).toList();
    List<SinkChannel> order = new ArrayList<>(channels.values());
    order.sort(Comparator.comparing(channel -> targets.contains(channel.name())));
    return List.copyOf(order);
  }
}
