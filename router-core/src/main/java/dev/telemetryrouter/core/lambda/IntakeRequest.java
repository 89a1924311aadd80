package dev.telemetryrouter.core.lambda;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.x request read off an intake connection: the request line, the head, and the body by
 * Content-Length or by chunks (RFC 9112, sections 3, 5, 6 and 7.1). Only what a delivery needs is
 * kept; a body over the listener's limit is read to its end and let go, so that the connection
 * stays in step and the next request on it can be read.
 *
 * @param method the method, as sent
 * @param headers header values by lower-case name; the values of a repeated name joined by ", "
 * @param body the body, or {@code null} when it was over the limit
 * @param bodyBytes the body's length as received, kept or not
 * @param keepAlive whether the client may send another request on this connection
 */
record IntakeRequest(
    String method,
    Map<String, String> headers,
    byte @Nullable [] body,
    long bodyBytes,
    boolean keepAlive) {

  /** Longest request line or header line; the platform's are far shorter. */
  static final int MAX_LINE_BYTES = 8 * 1024;

  /** Most header lines in one head. */
  static final int MAX_HEADERS = 100;

  /** The interim answer to {@code Expect: 100-continue} (RFC 9110, section 10.1.1). */
  private static final byte[] CONTINUE =
      "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  /** Chunks and discarded bodies are read through a buffer of this size. */
  private static final int CHUNK = 16 * 1024;

  /**
   * An HTTP/1.x request whose body comes in a transfer coding other than chunked: answered 501 (RFC
   * 9112, section 6.1), and the connection closed, since the body's end cannot be found.
   */
  static final class UnsupportedCoding extends ProtocolException {

    UnsupportedCoding(String message) {
      super(message);
    }
  }

  /** A header's value, or {@code null}; {@code name} in lower case. */
  @Nullable String header(String name) {
    return headers.get(name);
  }

  /**
   * Reads the next request, or returns {@code null} when the client closed the connection before
   * sending one (a keep-alive connection it is done with).
   *
   * @param interim where to answer {@code Expect: 100-continue} before the body is read
   * @throws ProtocolException when the request is not HTTP/1.x or breaks a limit ({@link
   *     UnsupportedCoding} when its transfer coding is not chunked); the connection must then be
   *     closed, because its next byte can no longer be found
   */
  static @Nullable IntakeRequest read(InputStream in, long maxBodyBytes, OutputStream interim)
      throws IOException {
    String requestLine = line(in, true);
    if (requestLine != null && requestLine.isEmpty()) {
      // Some clients end a POST body with an extra CRLF; one empty line is ignored (RFC 9112,
      // section 2.2), not more, so that a stream of them cannot hold the connection's thread.
      requestLine = line(in, true);
    }
    if (requestLine == null) {
      return null;
    }
    String[] parts = requestLine.split(" ", -1);
    if (parts.length != 3 || parts[0].isEmpty() || !isHttp1(parts[2])) {
      throw new ProtocolException("not an HTTP/1.x request line: '" + printable(requestLine) + "'");
    }
    Map<String, String> headers = head(in);

    boolean http10 = parts[2].equals("HTTP/1.0");
    String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
    boolean keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");

    // An HTTP/1.0 client knows no 1xx answer; its expectation is ignored (RFC 9110, 10.1.1).
    if (!http10 && "100-continue".equalsIgnoreCase(headers.get("expect"))) {
      interim.write(CONTINUE);
      interim.flush();
    }

    String encoding = headers.get("transfer-encoding");
    String length = headers.get("content-length");
    if (encoding != null) {
      if (!encoding.strip().equalsIgnoreCase("chunked")) {
        throw new UnsupportedCoding("unsupported Transfer-Encoding '" + printable(encoding) + "'");
      }
      // With a Content-Length too, or in HTTP/1.0, another reader may have framed these bytes
      // otherwise: the connection closes after the answer (RFC 9112, section 6.1).
      boolean unambiguous = length == null && !http10;
      return chunked(in, parts[0], headers, maxBodyBytes, keepAlive && unambiguous);
    }
    if (length == null) {
      // A request with neither header has no body (RFC 9112, section 6.3).
      return new IntakeRequest(parts[0], headers, new byte[0], 0, keepAlive);
    }
    long declared = number(length, 10, "Content-Length");
    if (declared > maxBodyBytes) {
      skip(in, declared);
      return new IntakeRequest(parts[0], headers, null, declared, keepAlive);
    }
    // One array of the declared size, instead of a buffer grown by doubling and copied again at
    // the end: a delivery is up to 1 MiB.
    byte[] body = new byte[(int) declared];
    if (in.readNBytes(body, 0, body.length) < body.length) {
      throw new ProtocolException("the body ended before its Content-Length of " + declared);
    }
    return new IntakeRequest(parts[0], headers, body, declared, keepAlive);
  }

  /** {@code HTTP/1.} and one digit (RFC 9112, section 2.3). */
  private static boolean isHttp1(String version) {
    return version.length() == 8
        && version.startsWith("HTTP/1.")
        && version.charAt(7) >= '0'
        && version.charAt(7) <= '9';
  }

  private static Map<String, String> head(InputStream in) throws IOException {
    Map<String, String> headers = new HashMap<>();
    for (int count = 0; ; count++) {
      String header = line(in, false);
      if (header == null || header.isEmpty()) {
        return headers;
      }
      if (count == MAX_HEADERS) {
        throw new ProtocolException("more than " + MAX_HEADERS + " header lines");
      }
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new ProtocolException("a header line without a name: '" + printable(header) + "'");
      }
      String name = header.substring(0, colon);
      // No whitespace around or in a name (RFC 9112, section 5.1); a line that starts with some
      // continues the one before (obs-fold, section 5.2) and is refused, not read as a field.
      if (name.indexOf(' ') >= 0 || name.indexOf('\t') >= 0) {
        throw new ProtocolException("whitespace in a header name: '" + printable(header) + "'");
      }
      name = name.toLowerCase(Locale.ROOT);
      // Repeated names are one list (RFC 9110, section 5.3): two Content-Length values, or a
      // second Transfer-Encoding, must not be hidden behind the first.
      String value = header.substring(colon + 1).strip();
      String earlier = headers.get(name);
      headers.put(name, earlier == null ? value : earlier + ", " + value);
    }
  }

  private static IntakeRequest chunked(
      InputStream in, String method, Map<String, String> headers, long max, boolean keepAlive)
      throws IOException {
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    byte[] buffer = new byte[CHUNK];
    long total = 0;
    while (true) {
      String sizeLine = line(in, false);
      if (sizeLine == null) {
        throw new ProtocolException("the connection closed in the middle of a chunked body");
      }
      int semicolon = sizeLine.indexOf(';');
      long size = number(semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon), 16, "chunk");
      if (size == 0) {
        // Trailers carry nothing a delivery needs: read past them.
        head(in);
        byte[] body = total <= max ? kept.toByteArray() : null;
        return new IntakeRequest(method, headers, body, total, keepAlive);
      }
      for (long left = size; left > 0; ) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (read < 0) {
          throw new ProtocolException("the connection closed in the middle of a chunk");
        }
        total += read;
        left -= read;
        if (total <= max) {
          kept.write(buffer, 0, read);
        } else if (kept.size() > 0) {
          // Over the limit: what was kept goes too, and the rest is only counted.
          kept = new ByteArrayOutputStream();
        }
      }
      String end = line(in, false);
      if (end == null || !end.isEmpty()) {
        throw new ProtocolException("a chunk not followed by CRLF");
      }
    }
  }

  private static void skip(InputStream in, long bytes) throws IOException {
    byte[] buffer = new byte[CHUNK];
    for (long left = bytes; left > 0; ) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (read < 0) {
        throw new ProtocolException("the body ended before its Content-Length of " + bytes);
      }
      left -= read;
    }
  }

  /**
   * One line without its CRLF (or bare LF), read as ISO-8859-1; {@code null} at the end of the
   * stream when {@code eofAllowed} and nothing was read, or when a head ends early.
   */
  private static @Nullable String line(InputStream in, boolean eofAllowed) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        if (eofAllowed && line.size() == 0) {
          return null;
        }
        throw new ProtocolException("the connection closed in the middle of a request's head");
      }
      // The CR that ends a line of MAX_LINE_BYTES is not part of it.
      if (line.size() > MAX_LINE_BYTES || (line.size() == MAX_LINE_BYTES && b != '\r')) {
        throw new ProtocolException("a line over " + MAX_LINE_BYTES + " bytes");
      }
      line.write(b);
    }
    String text = line.toString(StandardCharsets.ISO_8859_1);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }

  private static long number(String text, int radix, String what) throws ProtocolException {
    String digits = text.strip();
    try {
      // Digits only (RFC 9110, section 8.6; RFC 9112, section 7.1): Long.parseLong also takes a
      // leading sign.
      for (int i = 0; i < digits.length(); i++) {
        char c = digits.charAt(i);
        if (c >= 0x80 || Character.digit(c, radix) < 0) {
          throw new NumberFormatException();
        }
      }
      return Long.parseLong(digits, radix);
    } catch (NumberFormatException e) {
      throw new ProtocolException("bad number in " + what + ": '" + printable(text) + "'");
    }
  }

  /** A short, printable form of client text for a log line. */
  private static String printable(String text) {
    String cut = text.length() > 80 ? text.substring(0, 80) + "…" : text;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }
}
