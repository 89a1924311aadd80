package dev.telemetryrouter.core.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which problems were logged already, so a problem that repeats for every record (a
 * failing stage, a full buffer) is logged once and then only counted in the accounts.
 */
final class OnceLog {

  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  /** True the first time {@code key} is seen. */
  boolean first(String key) {
    return seen.add(key);
  }
}
