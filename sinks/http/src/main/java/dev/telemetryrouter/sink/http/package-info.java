/** The HTTP sink: batches sent to a log intake over HTTP, in its own request format. */
@NullMarked
package dev.telemetryrouter.sink.http;

import org.jspecify.annotations.NullMarked;
