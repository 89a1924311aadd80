package dev.telemetryrouter.sink.aws;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * A client built on first use, off Lambda's start-up path, and closed once. Safe to call from the
 * background thread that runs {@code Sink.start()} and from the sending thread.
 *
 * @param <C> the client type
 */
public final class LazyClient<C extends SdkAutoCloseable> implements AutoCloseable {

  private final Supplier<C> factory;
  private @Nullable C client;
  private boolean closed;

  public LazyClient(Supplier<C> factory) {
    this.factory = factory;
  }

  /**
   * The client, built now if needed.
   *
   * @throws IllegalStateException after {@link #close()}, or when building failed (no credentials)
   */
  public synchronized C get() {
    if (closed) {
      throw new IllegalStateException("the client was closed: the sink is shutting down");
    }
    C current = client;
    if (current == null) {
      current = factory.get();
      client = current;
    }
    return current;
  }

  /** Closes the client if it was built; idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    C current = client;
    client = null;
    if (current != null) {
      current.close();
    }
  }
}
