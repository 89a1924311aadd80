package dev.telemetryrouter.core;

import java.math.BigDecimal;
import java.util.ServiceConfigurationError;

/**
 * Work that every Init does anyway, started on a second thread as the process starts, so that it
 * overlaps with registering instead of following it. Each item is a one-time initialisation that
 * the Init thread would otherwise run in its own path, measured with the layer's runtime:
 *
 * <ul>
 *   <li>the {@link System.LoggerFinder}: the first logger lookup searches every jar on the class
 *       path for a finder (about 20 ms with the layer's 55 jars);
 *   <li>{@link BigDecimal}: JDK 25 computes 5^(2^16) by repeated squaring when the class
 *       initialises (13 to 36 ms at C1), and Jackson's parser classes hold {@code BigDecimal}
 *       constants, so the first JSON parse (the register response) pays for it.
 * </ul>
 *
 * <p>Class initialisation runs once whichever thread gets there first; the other waits for it. So
 * this saves time only when a second CPU is free (functions of 1,769 MB and more have a whole vCPU,
 * larger ones two or more), and never adds work: on one CPU the same initialisations simply run in
 * another order. The thread ends within Init, so nothing of it runs across a freeze.
 */
final class Preload implements Runnable {

  private Preload() {}

  /**
   * {@code -Dtelemetry.router.preload=false} in {@code TELEMETRY_ROUTER_JAVA_OPTS} leaves the work
   * to the Init thread, so that the start-up harness can measure what this buys.
   */
  static final String ENABLED_PROPERTY = "telemetry.router.preload";

  /** Starts the work on a daemon thread and returns at once. */
  static void start() {
    if (!Boolean.parseBoolean(System.getProperty(ENABLED_PROPERTY, "true"))) {
      return;
    }
    Thread.ofPlatform().daemon().name("telemetry-router-preload").start(new Preload());
  }

  @Override
  public void run() {
    try {
      System.LoggerFinder.getLoggerFinder();
      BigDecimal.ONE.signum();
    } catch (RuntimeException | ServiceConfigurationError e) {
      // The Init thread meets the same failure on its own path and reports it there.
    }
  }
}
