/**
 * What the AWS sinks share: synchronous SDK v2 clients on the JDK's URL connection, built lazily
 * from the Lambda environment (region, credentials) with an optional endpoint override, per-call
 * timeouts bounded by the send deadline, and the mapping of SDK failures to retryable or final.
 */
@NullMarked
package dev.telemetryrouter.sink.aws;

import org.jspecify.annotations.NullMarked;
