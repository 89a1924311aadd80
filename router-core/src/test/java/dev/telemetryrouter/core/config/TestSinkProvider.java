package dev.telemetryrouter.core.config;

import dev.telemetryrouter.spi.config.Secret;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import dev.telemetryrouter.spi.sink.SendContext;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkBatch;
import dev.telemetryrouter.spi.sink.SinkContext;
import dev.telemetryrouter.spi.sink.SinkLimits;
import dev.telemetryrouter.spi.sink.SinkProvider;
import java.util.Optional;

/**
 * A test-only sink of type {@code memory}: option {@code target} (required), {@code token} (a
 * secret), limits of 500 records and 4 MiB per batch. Registered in src/test's META-INF/services.
 */
public final class TestSinkProvider implements SinkProvider {

  static final SinkLimits LIMITS = new SinkLimits(500, 4 * 1024 * 1024, 1024 * 1024, 1, 0);

  @Override
  public String type() {
    return "memory";
  }

  @Override
  public Sink create(SinkContext context) {
    String target = context.config().string("target");
    Optional<Secret> token = context.config().secret("token");
    return new MemorySink(context.name(), target, token.orElse(null));
  }

  /** The created sink; remembers what it was configured with. */
  public record MemorySink(String name, String target, Secret token) implements Sink {

    @Override
    public SinkLimits limits() {
      return LIMITS;
    }

    @Override
    public RecordEncoding encoding() {
      return RecordEncoding.JSON;
    }

    @Override
    public SendResult send(SinkBatch batch, SendContext context) {
      return SendResult.allDelivered(batch.size());
    }

    @Override
    public void close() {}
  }
}
