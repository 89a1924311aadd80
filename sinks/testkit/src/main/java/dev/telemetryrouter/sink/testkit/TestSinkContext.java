package dev.telemetryrouter.sink.testkit;

import dev.telemetryrouter.spi.FunctionContext;
import dev.telemetryrouter.spi.sink.SinkContext;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SinkContext} for tests: the sink's options as a map at path {@code sinks.<name>}, a
 * fixed function, an explicit environment (never the real process environment, so a test cannot
 * pick up a developer's AWS settings by accident) and a {@link FakeClock}.
 */
public final class TestSinkContext implements SinkContext {

  /** The function every test context reports unless told otherwise. */
  public static final FunctionContext FUNCTION =
      new FunctionContext("orders-api", "$LATEST", "eu-west-1", 256, null);

  private final String name;
  private final MapConfigSection config;
  private final FunctionContext function;
  private final Map<String, String> environment;
  private final InstantSource clock;

  private TestSinkContext(Builder builder) {
    this.name = builder.name;
    this.config = MapConfigSection.of("sinks." + builder.name, builder.options);
    this.function = builder.function;
    this.environment = Map.copyOf(builder.environment);
    this.clock = builder.clock;
  }

  /** A context for a sink named {@code name} with {@code options} and every other default. */
  public static TestSinkContext of(String name, Map<String, ? extends @Nullable Object> options) {
    return builder(name).options(options).build();
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public MapConfigSection config() {
    return config;
  }

  @Override
  public FunctionContext function() {
    return function;
  }

  @Override
  public Map<String, String> environment() {
    return environment;
  }

  @Override
  public InstantSource clock() {
    return clock;
  }

  /** The problems recorded while the sink was created, as printable lines. */
  public List<String> problemLines() {
    return config.problems().stream().map(ConfigProblem::toString).toList();
  }

  /** Assembles a {@link TestSinkContext}. */
  public static final class Builder {
    private final String name;
    private final Map<String, @Nullable Object> options = new LinkedHashMap<>();
    private FunctionContext function = FUNCTION;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private InstantSource clock = new FakeClock();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Adds every entry of {@code values} to the sink's options (a null value stays a YAML null).
     */
    public Builder options(Map<String, ? extends @Nullable Object> values) {
      options.putAll(values);
      return this;
    }

    public Builder option(String key, @Nullable Object value) {
      options.put(key, value);
      return this;
    }

    public Builder function(FunctionContext value) {
      function = Objects.requireNonNull(value, "function");
      return this;
    }

    public Builder env(String key, String value) {
      environment.put(key, value);
      return this;
    }

    public Builder clock(InstantSource value) {
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    public TestSinkContext build() {
      return new TestSinkContext(this);
    }
  }
}
