package dev.telemetryrouter.sink.s3;

import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkContext;
import dev.telemetryrouter.spi.sink.SinkProvider;
import java.security.SecureRandom;

/** Creates {@code type: s3} sinks. Creation reads options only; no client is built here. */
public final class S3SinkProvider implements SinkProvider {

  @Override
  public String type() {
    return S3Sink.TYPE;
  }

  @Override
  public Sink create(SinkContext context) {
    S3Settings settings = S3Settings.read(context.config(), context.environment());
    // Seeds the per-sandbox part of every key; two sandboxes must not draw the same one.
    S3ObjectKeys keys =
        new S3ObjectKeys(settings, context.function(), context.clock(), new SecureRandom());
    return new S3Sink(context.name(), settings, keys, context.environment());
  }
}
