package dev.telemetryrouter.core.log;

import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.util.function.Supplier;

/**
 * Gives every {@code System.getLogger} call in the process a {@link RouterLogger}. Registered in
 * {@code META-INF/services/java.lang.System$LoggerFinder}; the threshold comes from {@value
 * RouterLog#LEVEL_VARIABLE}, read once.
 */
public final class RouterLoggerFinder extends System.LoggerFinder {

  private final Level threshold;
  private final Supplier<PrintStream> out;

  /** The finder the JDK's service lookup creates: stderr, threshold from the environment. */
  public RouterLoggerFinder() {
    this(RouterLog.parseLevel(System.getenv(RouterLog.LEVEL_VARIABLE)), () -> System.err);
  }

  /** A finder writing to {@code out} at {@code threshold}, for tests. */
  public RouterLoggerFinder(Level threshold, Supplier<PrintStream> out) {
    this.threshold = threshold;
    this.out = out;
  }

  @Override
  public System.Logger getLogger(String name, Module module) {
    return new RouterLogger(name, threshold, out);
  }

  /** The least severe level written. */
  public Level threshold() {
    return threshold;
  }
}
