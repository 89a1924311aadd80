package dev.telemetryrouter.spi.sink;

/**
 * Creates sinks of one YAML {@code type}, such as {@code firehose}. Found with {@link
 * java.util.ServiceLoader}: register the implementation in {@code
 * META-INF/services/dev.telemetryrouter.spi.sink.SinkProvider} of the plugin's jar.
 *
 * <p>A provider has a public no-argument constructor, holds no state, and is thread-safe. Two
 * providers that claim the same type are a start-up error naming both classes.
 */
public interface SinkProvider {

  /** The YAML {@code type} this provider answers to: lower case, such as {@code firehose}. */
  String type();

  /**
   * Creates a sink from its configuration. Read every supported option through {@link
   * SinkContext#config()} and record problems there rather than throwing, so all of a file's
   * mistakes are reported together. Must be fast and must not touch the network (see {@link Sink}).
   *
   * @return the sink; when problems were recorded its methods will not be called
   */
  Sink create(SinkContext context);
}
