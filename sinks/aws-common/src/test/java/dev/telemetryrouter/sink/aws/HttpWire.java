package dev.telemetryrouter.sink.aws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** HTTP/1.1 framing for {@link LoopbackHttpServer}: request heads, bodies, answers. */
final class HttpWire {

  private HttpWire() {}

  /** The next request on a kept-alive connection, or {@code null} at end of stream. */
  static LoopbackHttpServer.@Nullable Request readRequest(InputStream in, OutputStream out)
      throws IOException {
    String requestLine = readLine(in);
    if (requestLine == null || requestLine.isEmpty()) {
      return null;
    }
    String[] parts = requestLine.split(" ", 3);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
      int colon = line.indexOf(':');
      headers.put(
          line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).strip());
    }

    if ("100-continue".equalsIgnoreCase(headers.getOrDefault("expect", ""))) {
      out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    byte[] body =
        "chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))
            ? readChunked(in)
            : in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
    return new LoopbackHttpServer.Request(parts[0], parts[1], headers, body);
  }

  static void writeAnswer(OutputStream out, LoopbackHttpServer.Answer answer) throws IOException {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(answer.status()).append(" X\r\n");
    answer.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append("x-amzn-RequestId: loopback-request\r\n");
    head.append("Content-Length: ").append(answer.body().length).append("\r\n\r\n");
    out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
    out.write(answer.body());
    out.flush();
  }

  private static byte[] readChunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine(in);
      if (sizeLine == null) {
        throw new IOException("end of stream inside a chunked body");
      }
      int size = Integer.parseInt(sizeLine.split(";", 2)[0].strip(), 16);
      if (size == 0) {
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
          // Trailers are not needed by the tests.
        }
        return body.toByteArray();
      }
      body.write(in.readNBytes(size));
      readLine(in);
    }
  }

  private static @Nullable String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
          length--;
        }
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }
}
