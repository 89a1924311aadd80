package dev.telemetryrouter.core.log;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Gives every {@code System.getLogger} call in the process a {@link RouterLogger}. Registered in
 * {@code META-INF/services/java.lang.System$LoggerFinder}. Loggers of the extension follow {@value
 * RouterLog#LEVEL_VARIABLE}; all others (the JDK's included) follow {@value
 * RouterLog#OTHERS_LEVEL_VARIABLE}, WARNING when it is unset. Both are read once.
 */
public final class RouterLoggerFinder extends System.LoggerFinder {

  private final Level threshold;
  private final Level othersThreshold;
  private final Supplier<PrintStream> out;

  /** The finder the JDK's service lookup creates: UTF-8 stderr, thresholds from the environment. */
  public RouterLoggerFinder() {
    this(
        RouterLog.parseLevel(System.getenv(RouterLog.LEVEL_VARIABLE)),
        System.getenv(RouterLog.OTHERS_LEVEL_VARIABLE),
        () -> Utf8Stderr.STREAM);
  }

  /** A finder writing to {@code out} at {@code threshold}, others at WARNING, for tests. */
  public RouterLoggerFinder(Level threshold, Supplier<PrintStream> out) {
    this(threshold, null, out);
  }

  /** A finder whose loggers that are not ours follow the level named by {@code othersLevel}. */
  public RouterLoggerFinder(
      Level threshold, @Nullable String othersLevel, Supplier<PrintStream> out) {
    this.threshold = threshold;
    this.othersThreshold = RouterLog.othersLevel(othersLevel, threshold);
    this.out = out;
  }

  @Override
  public System.Logger getLogger(String name, Module module) {
    return new RouterLogger(name, RouterLog.isOwnLogger(name) ? threshold : othersThreshold, out);
  }

  /** The least severe level written by the extension's loggers. */
  public Level threshold() {
    return threshold;
  }

  /** The least severe level written by all other loggers. */
  public Level othersThreshold() {
    return othersThreshold;
  }

  /**
   * Standard error as UTF-8 whatever the platform encoding: without a UTF-8 locale (an empty
   * environment gives {@code stderr.encoding=ANSI_X3.4-1968}) System.err turns every non-ASCII
   * character into {@code ?}. Lambda reads the bytes as UTF-8. Created on first use only.
   */
  private static final class Utf8Stderr {
    // Buffered so that one message, flushed as a whole by RouterLogger, is one write to the fd.
    static final PrintStream STREAM =
        new PrintStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.err), 8192),
            false,
            StandardCharsets.UTF_8);
  }
}
