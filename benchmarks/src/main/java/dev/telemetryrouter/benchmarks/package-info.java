/** Benchmarks: JMH throughput of the pipeline, and the start-up harness of the packaged layer. */
@NullMarked
package dev.telemetryrouter.benchmarks;

import org.jspecify.annotations.NullMarked;
