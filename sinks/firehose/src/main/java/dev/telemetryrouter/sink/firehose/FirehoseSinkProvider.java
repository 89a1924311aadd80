package dev.telemetryrouter.sink.firehose;

import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkContext;
import dev.telemetryrouter.spi.sink.SinkProvider;

/** Creates {@code type: firehose} sinks. Creation reads options only; no client is built here. */
public final class FirehoseSinkProvider implements SinkProvider {

  @Override
  public String type() {
    return FirehoseSink.TYPE;
  }

  @Override
  public Sink create(SinkContext context) {
    FirehoseSettings settings = FirehoseSettings.read(context.config(), context.environment());
    return new FirehoseSink(context.name(), settings, context.environment());
  }
}
