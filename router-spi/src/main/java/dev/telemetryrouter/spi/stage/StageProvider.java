package dev.telemetryrouter.spi.stage;

/**
 * Creates stages of one YAML {@code type}, such as {@code redact}. Found with {@link
 * java.util.ServiceLoader}: register the implementation in {@code
 * META-INF/services/dev.telemetryrouter.spi.stage.StageProvider}.
 *
 * <p>A provider has a public no-argument constructor, holds no state, and is thread-safe. Two
 * providers that claim the same type are a start-up error naming both classes.
 */
public interface StageProvider {

  /** The YAML {@code type}: lower case with underscores, such as {@code parse_json}. */
  String type();

  /**
   * Creates a stage from its options. Record problems through {@link StageContext#config()} rather
   * than throwing, so all of a file's mistakes are reported together.
   */
  Stage create(StageContext context);
}
