package dev.telemetryrouter.core.lambda;

import org.jspecify.annotations.Nullable;

/**
 * One element of a Telemetry or Logs API delivery, as sent: {@code {"time", "type", "record"}}.
 *
 * @param time the {@code time} text, parsed later and leniently (some docs examples are malformed)
 * @param type the event type, such as {@code function} or {@code platform.runtimeDone}
 * @param record a {@code String}, a {@code Map}, or another JSON value; {@code null} when absent
 */
record PlatformEvent(String time, String type, @Nullable Object record) {}
