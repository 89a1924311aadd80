package dev.telemetryrouter.core.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Run in a child JVM by {@link IntakeListenerProtocolTest}, whose log lines go to the process's
 * stderr: opens a listener with one idle keep-alive connection and one that sent half a head,
 * closes the listener, and prints {@link #THREADS_ENDED} once no connection thread is left.
 */
public final class ListenerCloseMain {

  static final String THREADS_ENDED = "intake connection threads ended";

  private static final String CONNECTION_THREAD = "telemetry-router-intake-connection";

  private ListenerCloseMain() {}

  public static void main(String[] args) throws Exception {
    IntakeListener listener =
        IntakeListener.start("127.0.0.1", 0, 1024, body -> {}, new IntakeCounters());
    InetAddress loopback = InetAddress.getLoopbackAddress();

    try (Socket idle = new Socket(loopback, listener.port());
        Socket halfSent = new Socket(loopback, listener.port())) {
      send(idle, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n[]");
      awaitAnswer(idle.getInputStream());
      send(halfSent, "POST / HTTP/1.1\r\nHost: x\r\nContent-Le");
      awaitThreads(2, "IntakeRequest.head");

      listener.close();
      awaitThreads(0, null);
    }
    System.out.println(THREADS_ENDED);
  }

  private static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Reads up to the blank line that ends the answer's head (the answer has no body). */
  private static void awaitAnswer(InputStream in) throws IOException {
    byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    byte[] last = new byte[4];
    while (!Arrays.equals(last, end)) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the listener closed the connection before answering");
      }
      System.arraycopy(last, 1, last, 0, 3);
      last[3] = (byte) b;
    }
  }

  /**
   * Waits until {@code count} connection threads are alive, one of them inside {@code frame} when
   * given (the half-sent head was read up to its header lines); fails after 20 seconds.
   */
  private static void awaitThreads(int count, @Nullable String frame) throws InterruptedException {
    for (int tries = 0; tries < 2_000; tries++) {
      var connections =
          Thread.getAllStackTraces().entrySet().stream()
              .filter(e -> e.getKey().getName().equals(CONNECTION_THREAD))
              .toList();
      boolean inFrame =
          frame == null
              || connections.stream()
                  .anyMatch(
                      e ->
                          Arrays.stream(e.getValue())
                              .anyMatch(
                                  f ->
                                      (f.getClassName() + "." + f.getMethodName())
                                          .endsWith(frame)));
      if (connections.size() == count && inFrame) {
        return;
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("connection threads did not reach " + count);
  }
}
