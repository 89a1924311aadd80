package dev.telemetryrouter.core.engine;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.function.BiConsumer;

/**
 * Runs one action per sink at the same time, each on a thread of its own and each with the whole
 * time to the deadline, and returns when every action has ended or the deadline has come. The time
 * the caller waits is that of the slowest sink, not the sum of all (Lambda bills the time the
 * extension takes before {@code /next}, and the function's next invocation waits for it). A sink
 * still busy at the deadline is left to finish on its own thread; its records stay counted as
 * pending.
 *
 * <p>Each sink's sends stay one at a time: the action takes the sink's send lock, as every send
 * does. This class only adds threads across sinks.
 */
final class ConcurrentShare {

  private static final System.Logger log = System.getLogger(ConcurrentShare.class.getName());

  private ConcurrentShare() {}

  static void run(
      List<SinkChannel> channels,
      Instant deadline,
      InstantSource clock,
      Waiter waiter,
      ThreadFactory threads,
      BiConsumer<SinkChannel, Instant> action) {
    Set<SinkChannel> running = ConcurrentHashMap.newKeySet();
    running.addAll(channels);
    for (SinkChannel channel : channels) {
      threads.newThread(() -> runOne(channel, deadline, action, running, waiter)).start();
    }

    while (!running.isEmpty() && clock.instant().isBefore(deadline)) {
      waiter.waitUntil(deadline, running::isEmpty);
    }
    for (SinkChannel late : running) {
      log.log(
          Level.WARNING,
          "{0} still sending at the flush deadline; left to finish in the background,"
              + " its records stay pending",
          late.identity());
    }
  }

  private static void runOne(
      SinkChannel channel,
      Instant deadline,
      BiConsumer<SinkChannel, Instant> action,
      Set<SinkChannel> running,
      Waiter waiter) {
    try {
      action.accept(channel, deadline);
    } catch (RuntimeException e) {
      log.log(
          Level.ERROR,
          "{0} failed while flushing; its records stay pending",
          channel.identity(),
          e);
    } finally {
      running.remove(channel);
      waiter.wake();
    }
  }
}
