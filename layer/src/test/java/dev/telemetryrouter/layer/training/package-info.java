/**
 * The AOT cache training run of the packaged layer, and what it shares with the packaged-layer
 * tests: loopback stand-ins for the sinks' services, the routing.yaml that uses them, a runner of
 * the layer under the local Lambda emulator and a reader of the extension's accounting line.
 */
@NullMarked
package dev.telemetryrouter.layer.training;

import org.jspecify.annotations.NullMarked;
