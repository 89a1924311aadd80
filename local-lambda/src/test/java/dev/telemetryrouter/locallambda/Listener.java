package dev.telemetryrouter.locallambda;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * A telemetry listener on 127.0.0.1 for tests: it keeps every event it receives, answers with the
 * status the test chooses per request number, can hold each answer for a while, and measures how
 * many requests were in flight at once.
 */
final class Listener implements AutoCloseable {

  private final HttpServer server;
  private final List<Map<String, Object>> events = new ArrayList<>();
  private final List<String> methods = new ArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile IntUnaryOperator statusForRequest = n -> 200;
  private volatile long holdMillis;

  Listener() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  private void handle(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    try (exchange) {
      int now = inFlight.incrementAndGet();
      maxInFlight.accumulateAndGet(now, Math::max);
      int n = requests.incrementAndGet();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      int status = statusForRequest.applyAsInt(n);
      if (status < 400) {
        synchronized (events) {
          methods.add(exchange.getRequestMethod());
          for (Object event : (List<?>) Json.parse(body)) {
            events.add(Json.asObject(event));
          }
        }
      }
      if (holdMillis > 0) {
        Thread.sleep(holdMillis);
      }
      inFlight.decrementAndGet();
      exchange.sendResponseHeaders(status, -1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The subscription URI, with the sandbox host name the emulator must map to 127.0.0.1. */
  String uri() {
    return "http://sandbox.localdomain:" + server.getAddress().getPort() + "/telemetry";
  }

  void answer(IntUnaryOperator statusByRequestNumber) {
    this.statusForRequest = statusByRequestNumber;
  }

  void hold(long millis) {
    this.holdMillis = millis;
  }

  List<Map<String, Object>> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  List<String> types() {
    return events().stream().map(e -> String.valueOf(e.get("type"))).toList();
  }

  List<String> methods() {
    synchronized (events) {
      return List.copyOf(methods);
    }
  }

  /** Polls (bounded) until {@code count} events of the type arrived; integration tests only. */
  void awaitCount(String type, int count, java.time.Duration max) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    while (types().stream().filter(type::equals).count() < count && System.nanoTime() < end) {
      Thread.sleep(20);
    }
  }

  /** Every request received, answered with any status. */
  int requests() {
    return requests.get();
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  /** Stops listening, as an extension does when it exits; closing twice is harmless. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
    }
  }
}
