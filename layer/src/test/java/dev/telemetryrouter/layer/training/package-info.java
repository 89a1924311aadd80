/**
 * The AOT cache training run of the packaged layer, and what it shares with the packaged-layer
 * tests: the routing.yaml that points every sink at the local-lambda module's loopback stand-ins
 * ({@code dev.telemetryrouter.locallambda.standins}), a runner of the layer under the local Lambda
 * emulator and a reader of the extension's accounting line.
 */
@NullMarked
package dev.telemetryrouter.layer.training;

import org.jspecify.annotations.NullMarked;
