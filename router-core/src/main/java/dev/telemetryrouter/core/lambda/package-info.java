/**
 * The extension's side of the Lambda platform: the Extensions API client and the lifecycle loop
 * (register, subscribe, INVOKE, SHUTDOWN), the intake listener the Telemetry or Logs API posts to,
 * and the decoding of those posts into {@link dev.telemetryrouter.spi.TelemetryRecord}s.
 */
@NullMarked
package dev.telemetryrouter.core.lambda;

import org.jspecify.annotations.NullMarked;
