/**
 * Moves records from the shared pipeline to every sink: the per-sink route filter and stages, the
 * bounded buffer with its overflow policy, the batcher, the sender with retry, the dead-letter
 * path, flushing on demand within a deadline, and the accounts.
 */
@NullMarked
package dev.telemetryrouter.core.engine;

import org.jspecify.annotations.NullMarked;
