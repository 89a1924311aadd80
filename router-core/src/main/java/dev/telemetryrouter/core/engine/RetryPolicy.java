package dev.telemetryrouter.core.engine;

import java.time.Duration;

/**
 * Exponential backoff with full jitter: before retry {@code n} (1-based) wait a uniformly random
 * time in {@code [0, min(maxBackoff, initialBackoff * 2^(n-1))]}, or what the destination asked for
 * (capped by {@code maxBackoff}). Never past the flush deadline.
 *
 * @param maxAttempts sends of one record in all, first included; then it is dead-lettered
 * @param initialBackoff the cap of the first wait
 * @param maxBackoff the cap of any wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {}
