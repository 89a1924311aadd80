package dev.telemetryrouter.sink.stdout;

import dev.telemetryrouter.spi.config.ConfigSection;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkContext;
import dev.telemetryrouter.spi.sink.SinkProvider;
import java.io.PrintStream;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Creates {@link StdoutSink}s for YAML {@code type: stdout}.
 *
 * <p>Options: {@code prefix} (optional) is written before every line; it defaults to {@value
 * #DEFAULT_PREFIX}.
 *
 * <p><b>The loop marker.</b> In Lambda, whatever the extension writes to stdout goes to CloudWatch
 * Logs and also comes back to the extension through the Telemetry API's {@code extension} stream.
 * Every line this sink writes therefore starts with {@value #LOOP_MARKER} followed by {@code :} or
 * {@code ]}: the default prefix does, and a custom {@code prefix} that does not is a configuration
 * problem. The intake drops an {@code extension} record whose text starts that way instead of
 * routing it again (the extension's own log lines start with {@code [telemetry-router]}). The
 * prefix also keeps the line from being valid JSON, which Lambda would otherwise deliver parsed
 * rather than as text.
 */
public final class StdoutSinkProvider implements SinkProvider {

  /** The text every line of this sink starts with, so the intake can refuse to route it again. */
  public static final String LOOP_MARKER = "[telemetry-router";

  /** The prefix when none is configured: the marker, the sink type and a space. */
  public static final String DEFAULT_PREFIX = "[telemetry-router:stdout] ";

  private final Supplier<PrintStream> out;

  /** The provider ServiceLoader creates: lines go to {@link System#out}. */
  public StdoutSinkProvider() {
    this(() -> System.out);
  }

  /** A provider whose sinks write to {@code out}, for tests. */
  StdoutSinkProvider(Supplier<PrintStream> out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public String type() {
    return "stdout";
  }

  @Override
  public Sink create(SinkContext context) {
    ConfigSection config = context.config();
    String prefix = config.optionalString("prefix").orElse(DEFAULT_PREFIX);

    if (!isMarked(prefix)) {
      config.problem(
          "prefix",
          prefix,
          "text starting with "
              + LOOP_MARKER
              + ": or "
              + LOOP_MARKER
              + "], so the intake recognises the line when Lambda sends it back");
    } else if (prefix.indexOf('\n') >= 0 || prefix.indexOf('\r') >= 0) {
      config.problem("prefix", prefix, "text on one line, without a newline");
    }
    return new StdoutSink(context.name(), prefix, out.get());
  }

  /** Whether {@code prefix} starts with the marker and then {@code :} or {@code ]}. */
  static boolean isMarked(String prefix) {
    return prefix.startsWith(LOOP_MARKER + ":") || prefix.startsWith(LOOP_MARKER + "]");
  }
}
