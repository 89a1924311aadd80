package dev.telemetryrouter.core.config;

import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkContext;
import dev.telemetryrouter.spi.sink.SinkProvider;

/** A second provider claiming {@code memory}, to test the duplicate-type problem. */
public final class DuplicateSinkProvider implements SinkProvider {

  @Override
  public String type() {
    return "memory";
  }

  @Override
  public Sink create(SinkContext context) {
    throw new AssertionError("a duplicate provider is never used");
  }
}
