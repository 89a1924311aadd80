package dev.telemetryrouter.core.tool;

import dev.telemetryrouter.spi.sink.RecordEncoding;
import dev.telemetryrouter.spi.sink.SendContext;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkBatch;
import dev.telemetryrouter.spi.sink.SinkContext;
import dev.telemetryrouter.spi.sink.SinkLimits;
import dev.telemetryrouter.spi.sink.SinkProvider;
import java.util.List;

/**
 * A test-only sink of type {@code lines} that fails the test if it is ever started or sent to: the
 * tool must capture instead. Options: {@code url} (required), {@code password} (a secret), {@code
 * encoding} ({@code json} or {@code message}). Limits: 3 records and 400 bytes per batch, 64 bytes
 * per record with a 1-byte newline.
 */
public final class NeverSendSinkProvider implements SinkProvider {

  static final SinkLimits LIMITS = new SinkLimits(3, 400, 64, 1, 0);

  @Override
  public String type() {
    return "lines";
  }

  @Override
  public Sink create(SinkContext context) {
    context.config().string("url");
    context.config().secret("password");
    String encoding = context.config().choice("encoding", "message", List.of("json", "message"));
    return new NeverSendSink(
        encoding.equals("json") ? RecordEncoding.JSON : RecordEncoding.MESSAGE);
  }

  private record NeverSendSink(RecordEncoding encoding) implements Sink {

    @Override
    public SinkLimits limits() {
      return LIMITS;
    }

    @Override
    public void start() {
      throw new AssertionError("the tool started a real sink");
    }

    @Override
    public SendResult send(SinkBatch batch, SendContext context) {
      throw new AssertionError("the tool sent to a real sink");
    }

    @Override
    public void close() {}
  }
}
