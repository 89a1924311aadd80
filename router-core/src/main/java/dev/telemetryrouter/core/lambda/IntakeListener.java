package dev.telemetryrouter.core.lambda;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The HTTP endpoint the Telemetry or Logs API delivers to (Lambda Telemetry API,
 * https://docs.aws.amazon.com/lambda/latest/dg/telemetry-api.html; Lambda Logs API,
 * https://docs.aws.amazon.com/lambda/latest/dg/runtimes-logs-api.html).
 *
 * <p>It answers every POST (and PUT, which the Logs API may use) with 200 as soon as the body is
 * read, before routing it: a slow or failed answer makes the platform retry or drop the batch.
 * Bodies it cannot parse are answered too (the platform would otherwise keep re-sending them) and
 * counted. Each connection has a thread of its own, and the deliveries consumer routes one body at
 * a time, in the order they were answered; the platform keeps one delivery in flight per subscriber
 * anyway, on a connection it keeps open.
 *
 * <p>Plain sockets, not {@code com.sun.net.httpserver}: that server stamps every answer with a
 * {@code Date} header through a {@code DateTimeFormatter} with day, month and zone names, and its
 * first answer loaded the JDK's locale data, which measured 30 to 40 ms of CPU and about 6 MiB of
 * resident memory on the trimmed runtime, during the first invocation. HTTP/1.1 for one loopback
 * client is a few dozen lines ({@link IntakeRequest}).
 */
final class IntakeListener implements AutoCloseable {

  private static final System.Logger log = System.getLogger(IntakeListener.class.getName());

  /**
   * The host Lambda delivers to; it resolves only inside the execution environment (Lambda
   * Telemetry API, https://docs.aws.amazon.com/lambda/latest/dg/telemetry-api.html).
   */
  static final String SANDBOX_HOST = "sandbox.localdomain";

  /** How long the accept loop waits after a failed accept before it tries again. */
  private static final Duration ACCEPT_RETRY = Duration.ofMillis(100);

  /** Connections waiting to be accepted; the platform opens one. */
  private static final int BACKLOG = 16;

  private static final byte[] OK = answer("200 OK", false);
  private static final byte[] OK_CLOSE = answer("200 OK", true);
  private static final byte[] BAD_REQUEST = answer("400 Bad Request", true);

  /** A 405 names the methods allowed (RFC 9110, section 15.5.6). */
  private static final byte[] METHOD_NOT_ALLOWED =
      answer("405 Method Not Allowed", "Allow: POST, PUT\r\n", true);

  private static final byte[] NOT_IMPLEMENTED = answer("501 Not Implemented", true);

  private final ServerSocket server;
  private final long maxBodyBytes;
  private final Consumer<byte[]> deliveries;
  private final IntakeCounters counters;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;
  private boolean acceptFailureLogged;

  private IntakeListener(
      ServerSocket server,
      long maxBodyBytes,
      Consumer<byte[]> deliveries,
      IntakeCounters counters) {
    this.server = server;
    this.maxBodyBytes = maxBodyBytes;
    this.deliveries = deliveries;
    this.counters = counters;
  }

  /**
   * Binds and starts the listener.
   *
   * @param host the address to bind; for {@value #SANDBOX_HOST} the address it resolves to, else
   *     loopback (local runs, where the name does not resolve)
   * @param port the port; 0 for any free one
   * @param maxBodyBytes the largest body kept; larger ones are read, discarded and counted
   * @param deliveries receives each kept body, on the connection's thread, after it was answered
   * @throws java.net.BindException when the port is taken
   */
  static IntakeListener start(
      String host,
      int port,
      long maxBodyBytes,
      Consumer<byte[]> deliveries,
      IntakeCounters counters)
      throws IOException {
    ServerSocket server = new ServerSocket();
    try {
      server.bind(new InetSocketAddress(bindAddress(host), port), BACKLOG);
    } catch (IOException e) {
      server.close();
      throw e;
    }
    return serve(server, maxBodyBytes, deliveries, counters);
  }

  /** Starts accepting on a bound socket; {@link #start} binds it, tests may hand their own. */
  static IntakeListener serve(
      ServerSocket server,
      long maxBodyBytes,
      Consumer<byte[]> deliveries,
      IntakeCounters counters) {
    IntakeListener listener = new IntakeListener(server, maxBodyBytes, deliveries, counters);
    Thread.ofPlatform().name("telemetry-router-intake").daemon().start(listener::accept);
    return listener;
  }

  /** The bound port, useful when 0 was asked for. */
  int port() {
    return server.getLocalPort();
  }

  InetSocketAddress address() {
    return (InetSocketAddress) server.getLocalSocketAddress();
  }

  /** Stops accepting and closes every connection; a delivery being routed finishes. */
  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      log.log(Level.DEBUG, "intake: closing the listening socket failed ({0})", e.toString());
    }
    for (Socket connection : connections) {
      closeQuietly(connection);
    }
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
  static boolean isWarmup(Map<String, String> headers) {
    return headers.containsKey(Warmup.HEADER.toLowerCase(Locale.ROOT));
  }

  private void accept() {
    while (!closed) {
      Socket connection;
      try {
        connection = server.accept();
      } catch (IOException e) {
        if (closed || server.isClosed()) {
          return;
        }
        // The socket is still open, so the failure is passing (out of file descriptors, say): the
        // platform retries a delivery it could not make, so keep accepting after a pause. Logged
        // once: every line comes back as a delivery, and a log line per try would feed itself.
        if (!acceptFailureLogged) {
          acceptFailureLogged = true;
          log.log(
              Level.ERROR,
              "intake: accepting a connection failed ({0}); trying again every {1} ms",
              e.toString(),
              ACCEPT_RETRY.toMillis());
        }
        if (!pause()) {
          return;
        }
        continue;
      }
      connections.add(connection);
      if (closed) {
        closeQuietly(connection);
        return;
      }
      Thread.ofPlatform()
          .name("telemetry-router-intake-connection")
          .daemon()
          .start(() -> serve(connection));
    }
  }

  /** Answers the requests of one connection until the client closes it or breaks the protocol. */
  private void serve(Socket connection) {
    Map<String, String> lastHeaders = Map.of();
    try (connection) {
      connection.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(connection.getInputStream(), 16 * 1024);
      OutputStream out = connection.getOutputStream();
      while (!closed) {
        IntakeRequest request;
        try {
          request = IntakeRequest.read(in, maxBodyBytes, out);
        } catch (ProtocolException e) {
          log.log(Level.WARNING, "intake: refused a request it cannot read ({0})", e.getMessage());
          out.write(e instanceof IntakeRequest.UnsupportedCoding ? NOT_IMPLEMENTED : BAD_REQUEST);
          out.flush();
          return;
        }
        if (request == null) {
          return;
        }
        lastHeaders = request.headers();
        if (!answer(request, out)) {
          return;
        }
      }
    } catch (IOException e) {
      if (closed) {
        return;
      }
      if (isWarmup(lastHeaders)) {
        log.log(Level.DEBUG, "intake: the init warm-up''s exchange failed ({0})", e.toString());
      } else {
        log.log(Level.WARNING, "intake: a delivery connection failed ({0})", e.toString());
      }
    } finally {
      connections.remove(connection);
    }
  }

  /** Answers one request, then hands its body on; whether the connection stays open. */
  private boolean answer(IntakeRequest request, OutputStream out) throws IOException {
    if (!request.method().equals("POST") && !request.method().equals("PUT")) {
      out.write(METHOD_NOT_ALLOWED);
      out.flush();
      return false;
    }
    byte[] body = request.body();
    if (body == null) {
      counters.oversizedDeliveries.incrementAndGet();
      log.log(Level.ERROR, "intake: dropped a delivery over {0} bytes", maxBodyBytes);
    }
    out.write(request.keepAlive() ? OK : OK_CLOSE);
    out.flush();
    if (body != null) {
      deliveries.accept(body);
    }
    return request.keepAlive();
  }

  private static byte[] answer(String status, boolean close) {
    return answer(status, "", close);
  }

  private static byte[] answer(String status, String headers, boolean close) {
    String head =
        "HTTP/1.1 "
            + status
            + "\r\n"
            + headers
            + "Content-Length: 0\r\n"
            + (close ? "Connection: close\r\n" : "");
    return (head + "\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** Waits before the next accept; false when interrupted, which ends the loop. */
  private static boolean pause() {
    try {
      Thread.sleep(ACCEPT_RETRY);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void closeQuietly(Socket connection) {
    try {
      connection.close();
    } catch (IOException e) {
      log.log(Level.DEBUG, "intake: closing a connection failed ({0})", e.toString());
    }
  }
}
