/**
 * The start-up and memory harness of the packaged layer: {@link
 * dev.telemetryrouter.benchmarks.startup.StartupHarness} runs the layer zip under the local Lambda
 * emulator many times, in several variants, beside a bare hello-world floor.
 */
@NullMarked
package dev.telemetryrouter.benchmarks.startup;

import org.jspecify.annotations.NullMarked;
