package dev.telemetryrouter.spi.sink;

import dev.telemetryrouter.spi.FunctionContext;
import dev.telemetryrouter.spi.config.ConfigSection;
import java.time.InstantSource;
import java.util.Map;

/**
 * What a {@link SinkProvider} is given to create one sink.
 *
 * <p>{@link #config()} holds the sink's own YAML mapping minus the keys the engine reads for every
 * sink ({@code type}, {@code when}, {@code stages}, {@code batch}, {@code retry}, {@code buffer},
 * {@code flush}, {@code oversize}, {@code dead_letter}).
 */
public interface SinkContext {

  /** The sink's name: its key under {@code sinks:}, such as {@code archive}. */
  String name();

  /** The sink's options, at path {@code sinks.<name>}. */
  ConfigSection config();

  /** The function the extension runs beside. */
  FunctionContext function();

  /** The process environment (region, credentials, user variables). */
  Map<String, String> environment();

  /** The clock to use for anything time-related, such as object keys; faked in tests. */
  InstantSource clock();
}
