package dev.telemetryrouter.sink.kinesis;

import dev.telemetryrouter.spi.config.ConfigSection;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkContext;
import dev.telemetryrouter.spi.sink.SinkProvider;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Creates {@code type: kinesis} sinks. Registered in {@code
 * META-INF/services/dev.telemetryrouter.spi.sink.SinkProvider}.
 *
 * <p>Options: {@code stream} (required, name or ARN), {@code partition_key} (a template such as
 * {@code {function.name}/{requestId}}; random keys when absent), {@code aggregation} ({@code
 * false}), {@code encoding} ({@code json} or {@code message}), and the shared AWS options {@code
 * region}, {@code endpoint}, {@code connect_timeout}.
 */
public final class KinesisSinkProvider implements SinkProvider {

  @Override
  public String type() {
    return "kinesis";
  }

  @Override
  public Sink create(SinkContext context) {
    return create(context, new SecureRandom());
  }

  /** As {@link #create(SinkContext)}, with the randomness behind the keys injected. */
  Sink create(SinkContext context, RandomGenerator random) {
    ConfigSection config = context.config();
    KinesisSinkSettings settings = KinesisSinkSettings.read(config, context.environment());
    PartitionKeys keys = partitionKeys(config, settings, random);
    return new KinesisSink(context.name(), settings, keys, context.environment());
  }

  private static PartitionKeys partitionKeys(
      ConfigSection config, KinesisSinkSettings settings, RandomGenerator random) {
    RandomPartitionKeys randomKeys = new RandomPartitionKeys(random);
    if (settings.partitionKey().isEmpty()) {
      return randomKeys;
    }

    String template = settings.partitionKey().get();
    try {
      return PartitionKeyTemplate.parse(template, randomKeys);
    } catch (IllegalArgumentException e) {
      config.problem(
          "partition_key",
          template,
          "literals and {field.path} placeholders, such as {function.name}/{requestId} ("
              + e.getMessage()
              + ")");
      return randomKeys;
    }
  }
}
