package dev.telemetryrouter.core.lambda;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Just enough HTTP/1.1 for the platform's APIs at {@code AWS_LAMBDA_RUNTIME_API}, which are plain
 * HTTP on the sandbox's loopback (Lambda Extensions API,
 * https://docs.aws.amazon.com/lambda/latest/dg/runtimes-extensions-api.html): one request per
 * connection, {@code Connection: close}, a body by Content-Length, chunks, or up to the end of the
 * stream.
 *
 * <p>It exists for start-up time. {@code java.net.http.HttpClient.build()} initialises the default
 * SSLContext, and with it the whole trust store, even for plain http: measured at hundreds of
 * milliseconds before register. A socket loads a few dozen classes.
 */
final class LoopbackHttp {

  /** The platform's answers are small JSON documents; a larger one is not the platform. */
  static final int MAX_RESPONSE_BYTES = 1 << 20;

  record Response(int status, Map<String, String> headers, String body) {

    /** The value of the header {@code name} (any case), or "" when absent. */
    String header(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }
  }

  private final String host;
  private final int port;
  private final String hostHeader;

  /**
   * @param hostAndPort {@code host:port}, as in {@code AWS_LAMBDA_RUNTIME_API}
   */
  LoopbackHttp(String hostAndPort) {
    int colon = hostAndPort.lastIndexOf(':');
    if (colon <= 0 || colon == hostAndPort.length() - 1) {
      throw new IllegalArgumentException(
          "AWS_LAMBDA_RUNTIME_API must be host:port, not '" + hostAndPort + "'");
    }
    String name = hostAndPort.substring(0, colon);
    this.host =
        name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
    this.port = Integer.parseInt(hostAndPort.substring(colon + 1));
    this.hostHeader = hostAndPort;
  }

  /**
   * Sends one request and reads the whole answer.
   *
   * @param timeout bounds the connect and every read; {@link Duration#ZERO} waits for ever, which
   *     {@code /next} needs because the process may be frozen while it waits
   */
  Response exchange(
      String method,
      String path,
      Map<String, String> headers,
      @Nullable String body,
      Duration timeout)
      throws IOException {
    int millis = Math.toIntExact(timeout.toMillis());
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), millis);
      socket.setSoTimeout(millis);
      socket.setTcpNoDelay(true);

      OutputStream out = socket.getOutputStream();
      out.write(request(method, path, headers, body));
      out.flush();
      return read(new BufferedInputStream(socket.getInputStream()));
    }
  }

  private byte[] request(
      String method, String path, Map<String, String> headers, @Nullable String body) {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(256);
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(hostHeader).append("\r\n");
    head.append("Connection: close\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    if (body != null) {
      head.append("Content-Length: ").append(content.length).append("\r\n");
    }
    head.append("\r\n");

    ByteArrayOutputStream bytes = new ByteArrayOutputStream(head.length() + content.length);
    bytes.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(content);
    return bytes.toByteArray();
  }

  private static Response read(InputStream in) throws IOException {
    String statusLine = line(in);
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new ProtocolException("not an HTTP/1.x answer: '" + statusLine + "'");
    }
    int status = parseNumber(parts[1], 10, statusLine);

    Map<String, String> headers = new LinkedHashMap<>();
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      if (colon > 0) {
        String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        headers.putIfAbsent(name, header.substring(colon + 1).strip());
      }
    }

    byte[] body;
    if (status == 204 || status == 304 || status / 100 == 1) {
      body = new byte[0];
    } else if (headers.getOrDefault("transfer-encoding", "").equalsIgnoreCase("chunked")) {
      body = chunked(in);
    } else if (headers.containsKey("content-length")) {
      body = exactly(in, parseNumber(headers.get("content-length"), 10, "Content-Length"));
    } else {
      body = upToMax(in);
    }
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = line(in);
      int semicolon = sizeLine.indexOf(';');
      String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip();
      int size = parseNumber(hex, 16, "chunk size");
      if (size == 0) {
        // Trailers carry nothing the platform's calls need: read past them.
        String trailer = line(in);
        while (!trailer.isEmpty()) {
          trailer = line(in);
        }
        return body.toByteArray();
      }
      if (body.size() + size > MAX_RESPONSE_BYTES) {
        throw new ProtocolException("answer over " + MAX_RESPONSE_BYTES + " bytes");
      }
      body.writeBytes(exactly(in, size));
      line(in);
    }
  }

  private static byte[] exactly(InputStream in, int length) throws IOException {
    if (length > MAX_RESPONSE_BYTES) {
      throw new ProtocolException("answer of " + length + " bytes, over " + MAX_RESPONSE_BYTES);
    }
    byte[] bytes = in.readNBytes(length);
    if (bytes.length < length) {
      throw new ProtocolException(
          "answer ended after " + bytes.length + " of " + length + " bytes");
    }
    return bytes;
  }

  private static byte[] upToMax(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
    if (bytes.length > MAX_RESPONSE_BYTES) {
      throw new ProtocolException("answer over " + MAX_RESPONSE_BYTES + " bytes");
    }
    return bytes;
  }

  /** One header line without its CRLF (or bare LF); at most 8 KiB. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new ProtocolException("the connection closed in the middle of the answer's head");
      }
      if (line.size() >= 8192) {
        throw new ProtocolException("a header line over 8192 bytes");
      }
      line.write(b);
    }
    String text = line.toString(StandardCharsets.ISO_8859_1);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }

  private static int parseNumber(@Nullable String text, int radix, String what)
      throws ProtocolException {
    try {
      int value = Integer.parseInt(String.valueOf(text).strip(), radix);
      if (value < 0) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new ProtocolException("bad number in " + what + ": '" + text + "'");
    }
  }
}
