/**
 * The sink contract test kit: every sink module's tests extend {@link
 * dev.telemetryrouter.sink.testkit.SinkContractTest} and get the same checks of limits, per-record
 * results, resend after partial failure, idempotent close and network-free creation.
 *
 * <p>The kit depends on {@code router-spi}, JUnit Jupiter's API and AssertJ only, never on the
 * engine, so that a sink's tests prove the sink alone. Its fakes ({@link
 * dev.telemetryrouter.sink.testkit.MapConfigSection}, {@link
 * dev.telemetryrouter.sink.testkit.TestSinkContext}, {@link
 * dev.telemetryrouter.sink.testkit.FakeClock}) and {@link
 * dev.telemetryrouter.sink.testkit.BatchFactory} are usable on their own in a sink's other tests.
 */
@NullMarked
package dev.telemetryrouter.sink.testkit;

import org.jspecify.annotations.NullMarked;
