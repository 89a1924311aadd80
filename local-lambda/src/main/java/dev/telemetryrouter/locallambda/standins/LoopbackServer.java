package dev.telemetryrouter.locallambda.standins;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small HTTP/1.1 server on a 127.0.0.1 port for the stand-ins: requests with a Content-Length or
 * chunked body, {@code Expect: 100-continue}, keep-alive, one thread per connection.
 *
 * <p>Not the JDK's {@code com.sun.net.httpserver}: it leaves Nagle's algorithm on (TCP_NODELAY only
 * through a JVM-wide system property, read once) and sends a large answer's body after its headers,
 * so the body waited for the client's delayed ACK: measured on loopback, about 45 ms a call for a
 * 500-record Firehose answer against 3 ms for a small one, on every full Firehose or Kinesis batch.
 * Here each answer is one write on a socket with TCP_NODELAY.
 */
final class LoopbackServer implements AutoCloseable {

  /** Bounds a request's head, so a confused client cannot fill the heap. */
  private static final int MAX_LINE = 16 * 1024;

  /** One request, its body read whole (and de-chunked). Header names in lower case. */
  record Request(String method, String target, Map<String, String> headers, byte[] body) {}

  /** One answer; {@code Content-Length} is added. */
  record Answer(int status, Map<String, String> headers, byte[] body) {}

  /** Answers one request; called on the connection's thread. */
  interface Handler {
    Answer handle(Request request) throws IOException;
  }

  private final ServerSocket server;
  private final Handler handler;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

  private LoopbackServer(ServerSocket server, Handler handler) {
    this.server = server;
    this.handler = handler;
  }

  /** Binds an ephemeral port on the loopback address and starts accepting. */
  static LoopbackServer start(String name, Handler handler) throws IOException {
    ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    LoopbackServer server = new LoopbackServer(socket, handler);
    Thread.ofPlatform().daemon().name("standin-" + name).start(server::accept);
    return server;
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        socket.setTcpNoDelay(true);
        connections.add(socket);
        Thread.ofPlatform().daemon().name("standin-connection").start(() -> serve(socket));
      } catch (IOException e) {
        // Closed by close(), or a connection that failed before it was accepted: go on or end.
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      boolean open = true;
      while (open) {
        String requestLine = line(in);
        if (requestLine == null) {
          return;
        }
        if (requestLine.isEmpty()) {
          continue;
        }
        String[] parts = requestLine.split(" ", 3);
        Map<String, String> headers = headers(in);
        if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
          out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
        }
        byte[] body = body(in, headers);
        Request request = new Request(parts[0], parts.length > 1 ? parts[1] : "/", headers, body);
        open = !"close".equalsIgnoreCase(headers.get("connection"));
        write(out, handler.handle(request), open);
      }
    } catch (IOException e) {
      // The client went away or close() closed the socket: the connection ends.
    } finally {
      connections.remove(socket);
    }
  }

  private static Map<String, String> headers(InputStream in) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(
            line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).strip());
      }
    }
    return headers;
  }

  private static byte[] body(InputStream in, Map<String, String> headers) throws IOException {
    String encoding = headers.getOrDefault("transfer-encoding", "");
    if (encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
      return chunked(in);
    }
    String length = headers.get("content-length");
    if (length == null) {
      return new byte[0];
    }
    byte[] body = in.readNBytes(Integer.parseInt(length.strip()));
    if (body.length < Integer.parseInt(length.strip())) {
      throw new EOFException("body shorter than its Content-Length");
    }
    return body;
  }

  /** RFC 9112 section 7.1: hex size lines (extensions ignored), data, a 0 chunk, trailers. */
  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = line(in);
      if (sizeLine == null) {
        throw new EOFException("chunked body ended early");
      }
      int semicolon = sizeLine.indexOf(';');
      String hex = (semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).strip();
      int size = Integer.parseInt(hex, 16);
      if (size == 0) {
        headers(in);
        return body.toByteArray();
      }
      byte[] chunk = in.readNBytes(size);
      if (chunk.length < size) {
        throw new EOFException("chunk shorter than its size");
      }
      body.writeBytes(chunk);
      line(in);
    }
  }

  /** One line without its CRLF (or bare LF), or null at the end of the stream. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
      }
      if (line.size() >= MAX_LINE) {
        throw new IOException("request line or header over " + MAX_LINE + " bytes");
      }
      line.write(b);
    }
    String text = line.toString(StandardCharsets.ISO_8859_1);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }

  /** Status line, headers and body in one write, so no part of an answer waits for an ACK. */
  private static void write(OutputStream out, Answer answer, boolean keepOpen) throws IOException {
    // The stand-ins answer success only; a client reads the code, not the reason phrase.
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(answer.status()).append(" OK\r\n");
    answer
        .headers()
        .forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("Content-Length: ").append(answer.body().length).append("\r\n");
    if (!keepOpen) {
      head.append("Connection: close\r\n");
    }
    head.append("\r\n");

    byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] whole = new byte[headBytes.length + answer.body().length];
    System.arraycopy(headBytes, 0, whole, 0, headBytes.length);
    System.arraycopy(answer.body(), 0, whole, headBytes.length, answer.body().length);
    out.write(whole);
    out.flush();
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // Nothing is left to release: the port is freed either way.
    }
    for (Socket socket : connections) {
      try {
        socket.close();
      } catch (IOException e) {
        // The connection's thread ends on its next read either way.
      }
    }
  }
}
