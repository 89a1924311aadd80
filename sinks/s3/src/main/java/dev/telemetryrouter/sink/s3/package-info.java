/**
 * The {@code s3} sink: one S3 object per batch, JSON lines, optionally gzip-compressed, under a key
 * rendered from a template with UTC date parts and a part unique to the object.
 */
@NullMarked
package dev.telemetryrouter.sink.s3;

import org.jspecify.annotations.NullMarked;
