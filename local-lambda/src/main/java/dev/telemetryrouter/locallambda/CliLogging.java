package dev.telemetryrouter.locallambda;

import java.io.PrintStream;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Routes the emulator's own loggers to a {@link CliLogHandler} for a command-line run. Only {@link
 * LocalLambda#main(String[])} installs it: in a test JVM that embeds the emulator, the host's
 * logging configuration stays untouched.
 */
final class CliLogging implements AutoCloseable {

  /** The parent of every logger of this package (System.Logger names are class names). */
  static final String LOGGER_NAME = "dev.telemetryrouter.locallambda";

  // Held here: java.util.logging keeps only weak references, and a collected logger would lose
  // the handler set on it.
  private final Logger logger;
  private final CliLogHandler handler;
  private final boolean parentHandlers;

  private CliLogging(Logger logger, CliLogHandler handler) {
    this.logger = logger;
    this.handler = handler;
    this.parentHandlers = logger.getUseParentHandlers();
  }

  /** Sends the emulator's records at INFO and above to {@code err}, one line each. */
  static CliLogging install(PrintStream err) {
    Logger logger = Logger.getLogger(LOGGER_NAME);
    CliLogHandler handler = new CliLogHandler(err);
    handler.setLevel(Level.INFO);
    CliLogging installed = new CliLogging(logger, handler);
    logger.addHandler(handler);
    logger.setUseParentHandlers(false);
    return installed;
  }

  /** Prints the summaries of repeated warnings and restores the logger as it was. */
  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setUseParentHandlers(parentHandlers);
    handler.close();
  }
}
