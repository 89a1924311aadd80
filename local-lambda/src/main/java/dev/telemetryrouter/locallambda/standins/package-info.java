/**
 * Loopback stand-ins for the services the router's sinks call (Firehose, Kinesis, S3 and an HTTP
 * intake), each answering every request with success on 127.0.0.1: enough for a sink's whole send
 * path to run without an account. Used by the layer's AOT training run and packaged-layer tests and
 * by the start-up harness in the benchmarks module.
 */
@NullMarked
package dev.telemetryrouter.locallambda.standins;

import org.jspecify.annotations.NullMarked;
