package dev.telemetryrouter.sink.aws;

import dev.telemetryrouter.spi.sink.RecordEncoding;
import dev.telemetryrouter.spi.sink.Sink;
import java.lang.System.Logger.Level;
import java.util.function.Supplier;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * What AWS sinks share around their one API call: a client built in {@link #start()} (off the
 * start-up path) or on first use, compact JSON records, and a close that logs instead of throwing.
 *
 * @param <C> the SDK client type
 */
public abstract class AwsSink<C extends SdkAutoCloseable> implements Sink {

  private static final System.Logger log = System.getLogger(AwsSink.class.getName());

  private final String name;
  private final String type;
  private final String target;
  private final String region;
  private final LazyClient<C> client;

  /**
   * @param target what the sink writes to, for log lines, such as {@code stream logs}
   * @param factory builds the client, typically with {@link AwsClients#build}
   */
  protected AwsSink(String name, String type, String target, String region, Supplier<C> factory) {
    this.name = name;
    this.type = type;
    this.target = target;
    this.region = region;
    this.client = new LazyClient<>(factory);
  }

  /** The sink's name, for log lines. */
  protected final String name() {
    return name;
  }

  /** The client, built now if {@link #start()} has not run yet. */
  protected final C client() {
    return client.get();
  }

  /** Compact JSON, one record per line or per API record. */
  @Override
  public RecordEncoding encoding() {
    return RecordEncoding.JSON;
  }

  @Override
  public void start() {
    client.get();
    log.log(Level.INFO, "sink={0} type={1} ready for {2} in {3}", name, type, target, region);
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (RuntimeException e) {
      log.log(Level.WARNING, "sink={0} type={1} closing the client failed: {2}", name, type, e);
    }
  }
}
