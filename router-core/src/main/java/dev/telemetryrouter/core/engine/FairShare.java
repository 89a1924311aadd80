package dev.telemetryrouter.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Shares the time to a deadline across sinks, one after the other: each gets an equal part of what
 * is left when its turn comes, so time a fast sink did not use goes to the sinks after it, and a
 * slow sink can never take more than its part.
 */
final class FairShare {

  private FairShare() {}

  static void run(
      List<SinkChannel> channels,
      Instant deadline,
      InstantSource clock,
      BiConsumer<SinkChannel, Instant> action) {
    for (int i = 0; i < channels.size(); i++) {
      Instant now = clock.instant();
      Duration left = Duration.between(now, deadline);
      Duration slice = left.isNegative() ? Duration.ZERO : left.dividedBy(channels.size() - i);
      action.accept(channels.get(i), now.plus(slice));
    }
  }
}
