package dev.telemetryrouter.sink.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small HTTP/1.1 server on 127.0.0.1 for tests of AWS sinks, written on plain sockets so that it
 * can fail the way networks fail: reset a connection, hold an answer, close idle pooled
 * connections. It keeps connections alive like AWS endpoints do and answers {@code Expect:
 * 100-continue}. The handler turns each request into a {@link Reply}.
 */
public final class LoopbackHttpServer implements AutoCloseable {

  /** One request as received. Header names are lower case. */
  public record Request(String method, String target, Map<String, String> headers, byte[] body) {

    public String header(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }
  }

  /** What to do with a request. */
  public sealed interface Reply {

    static Reply json(int status, String body) {
      return new Answer(status, Map.of("Content-Type", "application/x-amz-json-1.1"), bytes(body));
    }

    static Reply xml(int status, String body) {
      return new Answer(status, Map.of("Content-Type", "application/xml"), bytes(body));
    }
  }

  /** An HTTP answer. */
  public record Answer(int status, Map<String, String> headers, byte[] body) implements Reply {}

  /** Close the connection with a TCP reset instead of answering. */
  public record Reset() implements Reply {}

  /** Hold the answer until the server closes (a slow or frozen destination). */
  public record Hang() implements Reply {}

  private final ServerSocket socket;
  private final Function<Request, Reply> handler;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();

  private LoopbackHttpServer(ServerSocket socket, Function<Request, Reply> handler) {
    this.socket = socket;
    this.handler = handler;
  }

  /** Starts a server on 127.0.0.1 and a free port. */
  public static LoopbackHttpServer start(Function<Request, Reply> handler) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    LoopbackHttpServer server = new LoopbackHttpServer(socket, handler);
    server.threads.execute(server::acceptLoop);
    return server;
  }

  /** The base URL, such as {@code http://127.0.0.1:43121}. */
  public String url() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  /** Connections accepted so far. */
  public int connections() {
    return connections.get();
  }

  /** Requests read so far, whatever the reply. */
  public int requests() {
    return requests.get();
  }

  /**
   * Resets every open connection, as a load balancer does with connections left idle while a Lambda
   * sandbox was frozen; the client learns of it only when it reuses one.
   */
  public void resetOpenConnections() {
    for (Socket connection : List.copyOf(open)) {
      reset(connection);
    }
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        connections.incrementAndGet();
        open.add(connection);
        threads.execute(() -> serve(connection));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      InputStream in = connection.getInputStream();
      OutputStream out = connection.getOutputStream();
      while (true) {
        Request request = HttpWire.readRequest(in, out);
        if (request == null) {
          return;
        }
        requests.incrementAndGet();
        if (!answer(connection, out, handler.apply(request))) {
          return;
        }
      }
    } catch (IOException e) {
      // The client went away or the test reset the connection: nothing to answer.
    } finally {
      open.remove(connection);
    }
  }

  private boolean answer(Socket connection, OutputStream out, Reply reply) throws IOException {
    switch (reply) {
      case Answer answer -> {
        HttpWire.writeAnswer(out, answer);
        return true;
      }
      case Reset reset -> {
        reset(connection);
        return false;
      }
      case Hang hang -> {
        awaitClose();
        return false;
      }
    }
  }

  private void awaitClose() {
    try {
      closing.await(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void reset(Socket connection) {
    try {
      connection.setSoLinger(true, 0);
      connection.close();
    } catch (SocketException e) {
      // Already closed.
    } catch (IOException e) {
      // Closing a socket we own: nothing left to do.
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Stops accepting, releases held answers and closes every connection. */
  @Override
  public void close() throws IOException {
    closing.countDown();
    socket.close();
    for (Socket connection : List.copyOf(open)) {
      connection.close();
    }
    threads.shutdownNow();
  }
}
