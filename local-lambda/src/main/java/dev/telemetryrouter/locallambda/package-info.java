/**
 * A local emulator of the AWS Lambda platform as an external extension sees it: the Extensions API,
 * the Telemetry API and the Logs API on loopback, extensions started from a layer folder, function
 * invocations, buffered telemetry delivery, freezing between invocations and SHUTDOWN with a
 * deadline. Entry points: {@link dev.telemetryrouter.locallambda.LocalLambda#builder()} for tests
 * and {@link dev.telemetryrouter.locallambda.LocalLambda#main(String[])} for the command line.
 */
@NullMarked
package dev.telemetryrouter.locallambda;

import org.jspecify.annotations.NullMarked;
