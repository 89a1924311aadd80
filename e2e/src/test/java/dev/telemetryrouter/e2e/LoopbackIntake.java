package dev.telemetryrouter.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP intake on 127.0.0.1 for the http sink (body {@code json_lines}, gzip-compressed or not)
 * that keeps every record it received and answers 200. A {@link #holding} intake holds the first
 * request carrying its marker unanswered until the extension process is frozen (its {@code
 * /proc/<pid>/stat} state is {@code T}, stopped), then answers it, so that send is in flight across
 * the freeze and can only complete after the thaw; every other request is answered at once.
 */
final class LoopbackIntake implements AutoCloseable {

  /** How long the held request waits for the freeze before it is answered anyway. */
  private static final long FREEZE_BOUND_MS = 20_000;

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final String marker;
  private final List<Map<String, @Nullable Object>> received = new ArrayList<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile LongSupplier extensionPid = () -> -1;
  private volatile boolean holding;
  private volatile boolean frozenWhileHeld;

  /** An intake that answers every request at once. */
  static LoopbackIntake answering() {
    return new LoopbackIntake("", false);
  }

  /** An intake that holds the first request carrying {@code marker} until the freeze. */
  static LoopbackIntake holding(String marker) {
    return new LoopbackIntake(marker, true);
  }

  private LoopbackIntake(String marker, boolean holding) {
    this.marker = marker;
    this.holding = holding;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/ingest";
  }

  /**
   * The entry under {@code sinks:} of an http sink {@code name} that sends here in the body this
   * intake reads (the records' JSON, one per line); {@code extra} holds further option lines,
   * indented by four spaces.
   */
  String sinkYaml(String name, String extra) {
    return "  "
        + name
        + ":\n"
        + "    type: http\n"
        + "    url: "
        + url()
        + "\n"
        + "    format: json\n"
        + "    body: json_lines\n"
        + extra;
  }

  void watch(LongSupplier pid) {
    extensionPid = pid;
  }

  /** Waits until the held request was answered; false if it never came or was not answered. */
  boolean awaitReleased(long boundMs) throws InterruptedException {
    return released.await(boundMs, TimeUnit.MILLISECONDS);
  }

  /** Whether the extension process was seen stopped while the held request was unanswered. */
  boolean frozenWhileHeld() {
    return frozenWhileHeld;
  }

  synchronized List<Map<String, @Nullable Object>> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(body(exchange), StandardCharsets.UTF_8);
      boolean hold = holding && body.contains(marker);
      if (hold) {
        holding = false;
        frozenWhileHeld = awaitStopped(extensionPid.getAsLong());
      }
      synchronized (this) {
        body.lines().filter(l -> !l.isBlank()).map(JsonLines::parseObject).forEach(received::add);
      }
      exchange.sendResponseHeaders(200, -1);
      if (hold) {
        released.countDown();
      }
    }
  }

  private static byte[] body(HttpExchange exchange) throws IOException {
    InputStream raw = exchange.getRequestBody();
    boolean gzip = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"));
    try (InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
      return in.readAllBytes();
    }
  }

  /** Polls the process state (a real process: a bounded poll is the only way to see a SIGSTOP). */
  private static boolean awaitStopped(long pid) {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FREEZE_BOUND_MS);
    while (System.nanoTime() < until) {
      if (state(pid) == 'T') {
        return true;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  /** The state letter of {@code /proc/<pid>/stat}: the field after the command's closing paren. */
  private static char state(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2);
    } catch (IOException | RuntimeException e) {
      return '?';
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
