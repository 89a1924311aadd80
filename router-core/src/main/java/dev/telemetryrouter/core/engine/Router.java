package dev.telemetryrouter.core.engine;

import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.stage.StageResult;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The engine built from a {@link RoutingPlan}: the shared pipeline, then one {@link SinkChannel}
 * per active sink.
 *
 * <p>Built without a thread factory it is synchronous: nothing runs in the background, {@link
 * #sendDue()} sends the batches that are due on the calling thread, flushes take the sinks one
 * after the other with a fair part of the time each ({@link FairShare}), and with a fake clock and
 * {@link Waiter} a test drives every decision without sleeping. With a thread factory, flushes run
 * every sink at once, each on its own thread with the whole time to the deadline ({@link
 * ConcurrentShare}), and {@link #start()} gives each sink a worker that sends full or aged batches
 * while records arrive.
 *
 * <p>Either way a flush has two rounds: every sink, then once more the sinks that other sinks
 * dead-letter into and that received records meanwhile, so that dead letters of the first round are
 * sent in the same flush.
 */
public final class Router implements RecordRouter {

  private static final System.Logger log = System.getLogger(Router.class.getName());

  private final StageChain pipeline;
  private final PipelineLedger pipelineLedger = new PipelineLedger();
  private final Map<String, SinkChannel> channels = new LinkedHashMap<>();
  private final List<SinkChannel> flushOrder;
  private final List<SinkChannel> deadLetterTargets;
  private final List<SinkWorker> workers = new ArrayList<>();
  private final @Nullable ThreadFactory workerThreads;
  private final InstantSource clock;
  private final Waiter waiter;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean shutDown = new AtomicBoolean();

  /**
   * @param workerThreads makes one thread per sink, or null for a synchronous router driven by
   *     {@link #sendDue()} and the flush methods
   */
  public Router(
      RoutingPlan plan,
      InstantSource clock,
      Waiter waiter,
      RandomGenerator random,
      @Nullable ThreadFactory workerThreads) {
    this.pipeline = new StageChain(plan.pipeline());
    this.clock = clock;
    this.waiter = waiter;
    this.workerThreads = workerThreads;
    for (SinkPlan sink : plan.sinks()) {
      // Each sink gets its own generator: workers draw backoffs at the same time, and most
      // generators (the JDK default among them) are not thread-safe. Seeded from the injected one,
      // so a seeded router stays reproducible.
      RandomGenerator own = new SplittableRandom(random.nextLong());
      channels.put(sink.name(), new SinkChannel(sink, clock, waiter, own, channels::get));
    }
    this.flushOrder = flushOrder(plan);
    Set<String> targets = targetNames(plan);
    this.deadLetterTargets =
        flushOrder.stream().filter(channel -> targets.contains(channel.name())).toList();
  }

  /**
   * A router whose sinks send in the background on daemon platform threads, with a blocking waiter.
   * Not virtual threads: a handful of threads gains nothing from them, and starting their scheduler
   * (a fork-join pool of carrier threads) took about 8 ms of every Init, measured with the start-up
   * harness.
   */
  public static Router background(RoutingPlan plan, InstantSource clock, RandomGenerator random) {
    ThreadFactory threads =
        Thread.ofPlatform().daemon().name("telemetry-router-sink-", 0).factory();
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

  /**
   * Sends every sink's due batches (full or aged) on the calling thread, then replays dead letters
   * where a replay is wanted.
   */
  public void sendDue() {
    channels.values().forEach(channel -> channel.flow().sendDue());
  }

  @Override
  public FlushReport flushAll(Instant deadline) {
    return FlushProgress.measure(
        flushOrder, () -> everySink(deadline, (channel, until) -> channel.flow().flush(until)));
  }

  @Override
  public FlushReport endOfInvocation(Instant deadline) {
    return FlushProgress.measure(flushOrder, () -> everySink(deadline, this::endOfInvocation));
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
              everySink(deadline, (channel, until) -> channel.flow().flush(until));
              workers.forEach(SinkWorker::stop);
              // Closes are quick and run here, one after the other, even past the deadline (the
              // lifecycle may pass one that has come); a sink still sending is waited for until
              // the deadline at most, then left open with its buffer spilled.
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

  /** Runs {@code action} on every sink, then again on dead-letter targets that received some. */
  private void everySink(Instant deadline, BiConsumer<SinkChannel, Instant> action) {
    share(flushOrder, deadline, action);
    List<SinkChannel> again =
        deadLetterTargets.stream().filter(channel -> channel.buffered() > 0).toList();
    if (!again.isEmpty()) {
      share(again, deadline, action);
    }
  }

  private void share(
      List<SinkChannel> sinks, Instant deadline, BiConsumer<SinkChannel, Instant> action) {
    if (workerThreads == null) {
      FairShare.run(sinks, deadline, clock, action);
    } else {
      ConcurrentShare.run(sinks, deadline, clock, waiter, workerThreads, action);
    }
  }

  /** Plan order, except that a sink other sinks dead-letter into comes after them. */
  private List<SinkChannel> flushOrder(RoutingPlan plan) {
    Set<String> targets = targetNames(plan);
    List<SinkChannel> order = new ArrayList<>(channels.values());
    order.sort(Comparator.comparing(channel -> targets.contains(channel.name())));
    return List.copyOf(order);
  }

  /** The sinks that some sink hands its dead letters to. */
  private static Set<String> targetNames(RoutingPlan plan) {
    Set<String> names = new HashSet<>();
    for (SinkPlan sink : plan.sinks()) {
      String target = sink.deadLetter().sinkName();
      if (target != null) {
        names.add(target);
      }
    }
    return names;
  }
}
