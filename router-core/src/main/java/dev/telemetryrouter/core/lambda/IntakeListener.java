package dev.telemetryrouter.core.lambda;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP endpoint the Telemetry or Logs API delivers to (Lambda Telemetry API,
 * https://docs.aws.amazon.com/lambda/latest/dg/telemetry-api.html; Lambda Logs API,
 * https://docs.aws.amazon.com/lambda/latest/dg/runtimes-logs-api.html).
 *
 * <p>It answers every POST (and PUT, which the Logs API may use) with 200 as soon as the body is
 * read, before routing it: a slow or failed answer makes the platform retry or drop the batch.
 * Bodies it cannot parse are answered too (the platform would otherwise keep re-sending them) and
 * counted. One thread serves the listener, so deliveries are routed in the order they arrive; the
 * platform keeps one delivery in flight per subscriber anyway.
 */
final class IntakeListener implements AutoCloseable {

  private static final System.Logger log = System.getLogger(IntakeListener.class.getName());

  /**
   * The host Lambda delivers to; it resolves only inside the execution environment (Lambda
   * Telemetry API, https://docs.aws.amazon.com/lambda/latest/dg/telemetry-api.html).
   */
  static final String SANDBOX_HOST = "sandbox.localdomain";

  private final HttpServer server;
  private final ExecutorService executor;

  private IntakeListener(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Binds and starts the listener.
   *
   * @param host the address to bind; for {@value #SANDBOX_HOST} the address it resolves to, else
   *     loopback (local runs, where the name does not resolve)
   * @param port the port; 0 for any free one
   * @param maxBodyBytes the largest body kept; larger ones are read, discarded and counted
   * @param deliveries receives each kept body, on the listener's thread, after it was answered
   * @throws java.net.BindException when the port is taken
   */
  static IntakeListener start(
      String host,
      int port,
      long maxBodyBytes,
      Consumer<byte[]> deliveries,
      IntakeCounters counters)
      throws IOException {
    InetSocketAddress address = new InetSocketAddress(bindAddress(host), port);
    HttpServer server = HttpServer.create(address, 16);
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("telemetry-router-intake").daemon().factory());
    server.setExecutor(executor);
    server.createContext("/", exchange -> handle(exchange, maxBodyBytes, deliveries, counters));
    server.start();
    return new IntakeListener(server, executor);
  }

  /** The bound port, useful when 0 was asked for. */
  int port() {
    return server.getAddress().getPort();
  }

  InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  static InetAddress bindAddress(String host) throws UnknownHostException {
    if (!host.equals(SANDBOX_HOST)) {
      return InetAddress.getByName(host);
    }
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      // Outside Lambda (the local emulator, tests) the name does not resolve: stay on loopback.
      return InetAddress.getLoopbackAddress();
    }
  }

  /** Whether a request is the extension's own warm-up ({@link Warmup}), not a delivery. */
  static boolean isWarmup(Headers request) {
    return request.containsKey(Warmup.HEADER);
  }

  private static void handle(
      HttpExchange exchange,
      long maxBodyBytes,
      Consumer<byte[]> deliveries,
      IntakeCounters counters)
      throws IOException {
    byte @Nullable [] body = null;
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("POST") && !method.equals("PUT")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      body = readBounded(exchange.getRequestBody(), maxBodyBytes);
      if (body == null) {
        counters.oversizedDeliveries.incrementAndGet();
        log.log(Level.ERROR, "intake: dropped a delivery over {0} bytes", maxBodyBytes);
      }
      exchange.sendResponseHeaders(200, -1);
    } catch (IOException e) {
      if (isWarmup(exchange.getRequestHeaders())) {
        log.log(Level.DEBUG, "intake: the init warm-up''s exchange failed ({0})", e.toString());
      } else {
        log.log(Level.WARNING, "intake: a delivery connection failed ({0})", e.toString());
      }
    }
    if (body != null) {
      deliveries.accept(body);
    }
  }

  /** The body, or {@code null} (after reading it all, so the answer still goes out) if too big. */
  private static byte @Nullable [] readBounded(InputStream in, long maxBytes) throws IOException {
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    byte[] chunk = new byte[16 * 1024];
    long total = 0;
    for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
      total += read;
      if (total <= maxBytes) {
        kept.write(chunk, 0, read);
      }
    }
    return total <= maxBytes ? kept.toByteArray() : null;
  }
}
