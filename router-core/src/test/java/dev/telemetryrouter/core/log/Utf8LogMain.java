package dev.telemetryrouter.core.log;

import java.lang.System.Logger.Level;

/** Run in a child JVM by {@link Utf8StderrTest}: logs one line holding non-ASCII characters. */
public final class Utf8LogMain {

  /** An em dash and an e with an acute accent, written as escapes so this file stays ASCII. */
  static final String MESSAGE = "routing.yaml \u2014 caf\u00e9";

  private Utf8LogMain() {}

  public static void main(String[] args) {
    System.getLogger("dev.telemetryrouter.core.Main").log(Level.ERROR, MESSAGE);
  }
}
