package dev.telemetryrouter.core.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The listener's HTTP/1.1 (RFC 9112) on raw loopback sockets: keep-alive, pipelining, chunks,
 * limits, malformed requests and clients that go away. Every delivery the listener hands on lands
 * in {@link #routed}; nothing else routes.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IntakeListenerProtocolTest {

  private static final long MAX_BODY = 1024;

  /** How long a client waits for an answer the listener owes it. */
  private static final int READ_TIMEOUT_MILLIS = 10_000;

  private final BlockingQueue<String> routed = new LinkedBlockingQueue<>();
  private final IntakeCounters counters = new IntakeCounters();
  private IntakeListener listener;

  @BeforeEach
  void start() throws IOException {
    listener =
        IntakeListener.start(
            "127.0.0.1",
            0,
            MAX_BODY,
            body -> routed.add(new String(body, StandardCharsets.ISO_8859_1)),
            counters);
  }

  @AfterEach
  void stop() {
    listener.close();
  }

  @Test
  void keepAlive_severalRequestsOnOneConnection_areEachAnsweredAndRoutedInOrder() throws Exception {
    try (Client client = connect()) {
      for (String body : new String[] {"[1]", "[2]", "[3]"}) {
        client.send(post(body));

        Answer answer = client.answer();
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("connection")).isNull();
      }

      assertThat(nextRouted()).isEqualTo("[1]");
      assertThat(nextRouted()).isEqualTo("[2]");
      assertThat(nextRouted()).isEqualTo("[3]");
    }
  }

  @Test
  void pipelinedRequests_sentInOneWrite_areBothAnsweredAndRoutedInOrder() throws Exception {
    try (Client client = connect()) {
      client.send(post("[\"first\"]") + post("[\"second\"]"));

      assertThat(client.answer().status()).isEqualTo(200);
      assertThat(client.answer().status()).isEqualTo(200);
      assertThat(nextRouted()).isEqualTo("[\"first\"]");
      assertThat(nextRouted()).isEqualTo("[\"second\"]");
    }
  }

  @Test
  void chunkedBody_withExtensionsAndTrailers_isJoinedAndTheConnectionStaysInStep()
      throws Exception {
    String chunked =
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "3;name=value\r\n[\"a\r\n"
            + "A ; quoted=\"x;y\"\r\nbcdefghij\"\r\n"
            + "1\r\n]\r\n"
            + "0;last\r\nTrailer-One: 1\r\nTrailer-Two: 2\r\n\r\n";

    try (Client client = connect()) {
      client.send(chunked + post("[\"next\"]"));

      assertThat(client.answer().status()).isEqualTo(200);
      assertThat(client.answer().status()).isEqualTo(200);
      assertThat(nextRouted()).isEqualTo("[\"abcdefghij\"]");
      assertThat(nextRouted()).isEqualTo("[\"next\"]");
    }
  }

  @Test
  void chunkedBodyOverTheLimit_isDroppedAndCounted_andTheNextRequestOnTheConnectionIsRouted()
      throws Exception {
    String chunk = "x".repeat(600);
    String oversized =
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            + chunkOf(chunk)
            + chunkOf(chunk)
            + chunkOf(chunk)
            + "0\r\n\r\n";

    try (Client client = connect()) {
      client.send(oversized + post("[\"after\"]"));

      assertThat(client.answer().status()).isEqualTo(200);
      assertThat(client.answer().status()).isEqualTo(200);
      assertThat(nextRouted()).isEqualTo("[\"after\"]");
      assertThat(counters.oversizedDeliveries.get()).isEqualTo(1);
    }
  }

  @Test
  void contentLengthBodyOverTheLimit_isDroppedAndCounted_andTheNextRequestOnTheConnectionIsRouted()
      throws Exception {
    try (Client client = connect()) {
      client.send(post("x".repeat((int) MAX_BODY + 1)) + post("[\"after\"]"));

      assertThat(client.answer().status()).isEqualTo(200);
      assertThat(client.answer().status()).isEqualTo(200);
      assertThat(nextRouted()).isEqualTo("[\"after\"]");
      assertThat(counters.oversizedDeliveries.get()).isEqualTo(1);
    }
  }

  @Test
  void bodyOfExactlyTheLimit_isRouted() throws Exception {
    String body = "y".repeat((int) MAX_BODY);

    try (Client client = connect()) {
      client.send(post(body));

      assertThat(client.answer().status()).isEqualTo(200);
      assertThat(nextRouted()).isEqualTo(body);
      assertThat(counters.oversizedDeliveries.get()).isZero();
    }
  }

  @Test
  void expectContinue_isAnsweredWith100BeforeTheBodyIsSent() throws Exception {
    try (Client client = connect()) {
      client.send(
          "POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");

      // The body is sent only after the 100: a listener that waited for the body first would
      // leave this read to time out.
      assertThat(client.answer().status()).isEqualTo(100);
      client.send("[7]");

      assertThat(client.answer().status()).isEqualTo(200);
      assertThat(nextRouted()).isEqualTo("[7]");
    }
  }

  /** RFC 9110, section 10.1.1: a 100-continue expectation in an HTTP/1.0 request is ignored. */
  @Test
  void expectContinue_inAnHttp10Request_isIgnored() throws Exception {
    try (Client client = connect()) {
      client.send("POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n[8]");

      assertThat(client.answer().status()).isEqualTo(200);
      assertThat(nextRouted()).isEqualTo("[8]");
    }
  }

  @Test
  void http10Request_isAnsweredRoutedAndClosed() throws Exception {
    assertAnsweredRoutedAndClosed("POST / HTTP/1.0\r\nContent-Length: 3\r\n\r\n[9]", "[9]");
  }

  @Test
  void connectionClose_isAnsweredRoutedAndClosed() throws Exception {
    assertAnsweredRoutedAndClosed(
        "POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 4\r\n\r\n[10]", "[10]");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GARBAGE",
        "POST /",
        "POST / HTTP/2.0",
        "POST  / HTTP/1.1",
        "POST / HTTP/1.1 extra",
        "POST / http/1.1",
        "POST / HTTP/1.",
        "POST / HTTP/1.1x",
        "\u0016\u0003\u0001\u0002\u0000"
      })
  void badRequestLine_isRefusedWith400AndClosed_andNothingIsRouted(String requestLine)
      throws Exception {
    assertRefusedAndClosed(requestLine + "\r\nHost: x\r\nContent-Length: 3\r\n\r\n[0]", 400);
  }

  /**
   * RFC 9112, section 2.2: a server expecting a request line should ignore at least one empty line
   * before it, which some clients send after a POST body.
   */
  @Test
  void emptyLineBeforeTheRequestLine_isIgnored() throws Exception {
    try (Client client = connect()) {
      client.send(post("[11]") + "\r\n" + post("[12]"));

      assertThat(client.answer().status()).isEqualTo(200);
      assertThat(client.answer().status()).isEqualTo(200);
      assertThat(nextRouted()).isEqualTo("[11]");
      assertThat(nextRouted()).isEqualTo("[12]");
    }
  }

  @Test
  void headerLineOfExactly8KiB_isAccepted() throws Exception {
    String header = headerOfLength(IntakeRequest.MAX_LINE_BYTES);

    try (Client client = connect()) {
      client.send("POST / HTTP/1.1\r\n" + header + "\r\nContent-Length: 4\r\n\r\n[13]");

      assertThat(client.answer().status()).isEqualTo(200);
      assertThat(nextRouted()).isEqualTo("[13]");
    }
  }

  @Test
  void headerLineOver8KiB_isRefusedWith400AndClosed() throws Exception {
    String header = headerOfLength(IntakeRequest.MAX_LINE_BYTES + 1);

    assertRefusedAndClosed(
        "POST / HTTP/1.1\r\n" + header + "\r\nContent-Length: 3\r\n\r\n[0]", 400);
  }

  @Test
  void requestLineOver8KiB_isRefusedWith400AndClosed() throws Exception {
    String target = "/" + "p".repeat(IntakeRequest.MAX_LINE_BYTES);

    assertRefusedAndClosed("POST " + target + " HTTP/1.1\r\nContent-Length: 3\r\n\r\n[0]", 400);
  }

  @Test
  void exactly100Headers_areAccepted() throws Exception {
    String headers = headers(IntakeRequest.MAX_HEADERS - 1);

    try (Client client = connect()) {
      client.send("POST / HTTP/1.1\r\n" + headers + "Content-Length: 4\r\n\r\n[14]");

      assertThat(client.answer().status()).isEqualTo(200);
      assertThat(nextRouted()).isEqualTo("[14]");
    }
  }

  @Test
  void moreThan100Headers_areRefusedWith400AndClosed() throws Exception {
    String headers = headers(IntakeRequest.MAX_HEADERS);

    assertRefusedAndClosed("POST / HTTP/1.1\r\n" + headers + "Content-Length: 3\r\n\r\n[0]", 400);
  }

  /**
   * RFC 9112, section 5.1: whitespace between a field name and its colon is refused with 400;
   * section 5.2: a line folded onto the one before (obs-fold) is refused or unfolded, never read as
   * a field of its own.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Content-Length : 3",
        "Content-Length\t: 3",
        "Content-Length: 3\r\n Transfer-Encoding: chunked",
        "Content-Length: 3\r\n\tTransfer-Encoding: chunked",
        "no colon at all"
      })
  void malformedHeaderLine_isRefusedWith400AndClosed(String headerLines) throws Exception {
    try (Client client = connect()) {
      // Read as chunks or as three bytes, this body would be routed.
      client.send("POST / HTTP/1.1\r\n" + headerLines + "\r\n\r\n3\r\n[0]\r\n0\r\n\r\n");

      assertThat(client.answer().status()).isEqualTo(400);
      client.assertClosedByListener();
    }

    assertListenerServesAndNothingElseWasRouted();
  }

  /**
   * RFC 9110, section 8.6: Content-Length is one or more digits; RFC 9112, section 6.3: a request
   * with an invalid one (several differing values among them) is answered 400 and the connection
   * closed, since the end of its body cannot be found.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Content-Length: -1",
        "Content-Length: -0",
        "Content-Length: +3",
        "Content-Length: abc",
        "Content-Length: 0x3",
        "Content-Length:",
        "Content-Length: 3, 4",
        "Content-Length: 99999999999999999999",
        "Content-Length: 3\r\nContent-Length: 4"
      })
  void invalidContentLength_isRefusedWith400AndClosed(String headerLines) throws Exception {
    assertRefusedAndClosed("POST / HTTP/1.1\r\nHost: x\r\n" + headerLines + "\r\n\r\n[0]", 400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "+3", "x", "3 3", ""})
  void invalidChunkSize_isRefusedWith400AndClosed(String size) throws Exception {
    assertRefusedAndClosed(
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            + size
            + "\r\n[0]\r\n0\r\n\r\n",
        400);
  }

  /**
   * RFC 9112, section 6.1: a server that receives a transfer coding it does not understand should
   * answer 501; the body's end cannot be found, so the connection closes.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Transfer-Encoding: gzip",
        "Transfer-Encoding: gzip, chunked",
        "Transfer-Encoding: chunked, identity",
        "Transfer-Encoding: chunked\r\nTransfer-Encoding: gzip"
      })
  void unsupportedTransferEncoding_isRefusedWith501AndClosed(String headerLines) throws Exception {
    assertRefusedAndClosed(
        "POST / HTTP/1.1\r\nHost: x\r\n" + headerLines + "\r\n\r\n3\r\n[0]\r\n0\r\n\r\n", 501);
  }

  /**
   * RFC 9112, section 6.1: a request with both Transfer-Encoding and Content-Length is read by its
   * chunks, and the connection must be closed after the answer (a way to smuggle a request).
   */
  @Test
  void chunkedRequestWithAContentLengthToo_isReadByChunksAndTheConnectionClosed() throws Exception {
    assertAnsweredRoutedAndClosed(
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "4\r\n[15]\r\n0\r\n\r\n",
        "[15]");
  }

  /**
   * RFC 9112, section 6.1: chunks in an HTTP/1.0 request are faulty framing, and the connection is
   * closed after the answer even if the client asked to keep it.
   */
  @Test
  void chunkedHttp10Request_isAnsweredAndTheConnectionClosed_evenWithKeepAlive() throws Exception {
    assertAnsweredRoutedAndClosed(
        "POST / HTTP/1.0\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "4\r\n[21]\r\n0\r\n\r\n",
        "[21]");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "POST / HT",
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Le",
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n[16",
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nA\r\n[16",
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n[16]\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n[16]\r\n0\r\n"
      })
  void clientClosingMidRequest_routesNothing_andTheListenerServesOthers(String partial)
      throws Exception {
    try (Client client = connect()) {
      client.send(partial);
      client.socket.shutdownOutput();

      // The listener closes its side once it is done with the connection; only then is it sure
      // that nothing of it will be routed.
      client.drainUntilClosed();
    }

    assertListenerServesAndNothingElseWasRouted();
  }

  @Test
  void idleKeepAliveConnection_doesNotHoldUpAnotherConnectionsDeliveries() throws Exception {
    try (Client idle = connect();
        Client other = connect()) {
      idle.send(post("[17]"));
      assertThat(idle.answer().status()).isEqualTo(200);
      assertThat(nextRouted()).isEqualTo("[17]");

      other.send(post("[18]"));
      assertThat(other.answer().status()).isEqualTo(200);
      assertThat(nextRouted()).isEqualTo("[18]");

      // Idle in the middle of a head this time: the listener waits for the rest on that
      // connection only.
      idle.send("POST / HTTP/1.1\r\nHost: x\r\n");
      other.send(post("[19]"));
      assertThat(other.answer().status()).isEqualTo(200);
      assertThat(nextRouted()).isEqualTo("[19]");

      idle.send("Content-Length: 4\r\n\r\n[20]");
      assertThat(idle.answer().status()).isEqualTo(200);
      assertThat(nextRouted()).isEqualTo("[20]");
    }
  }

  /** RFC 9110, section 15.5.6: a 405 answer names the methods the resource allows. */
  @Test
  void getWithABody_isRefusedWith405AndAllow_closedAndNotRouted() throws Exception {
    try (Client client = connect()) {
      client.send("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\n[19]");

      Answer answer = client.answer();
      assertThat(answer.status()).isEqualTo(405);
      assertThat(answer.header("allow")).isEqualTo("POST, PUT");
      client.assertClosedByListener();
    }

    assertListenerServesAndNothingElseWasRouted();
    assertThat(counters.oversizedDeliveries.get()).isZero();
  }

  @Test
  void close_withAnIdleAndAHalfSentConnectionOpen_endsTheirThreadsWithoutAWarning()
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                ListenerCloseMain.class.getName())
            .redirectErrorStream(true);

    Process child = builder.start();
    String output;
    try {
      child.getOutputStream().close();
      output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }

    assertThat(output)
        .contains(ListenerCloseMain.THREADS_ENDED)
        .doesNotContain("WARNING")
        .doesNotContain("ERROR");
    assertThat(child.exitValue()).isZero();
  }

  // --- helpers -------------------------------------------------------------------------------

  private Client connect() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.port());
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    return new Client(socket);
  }

  private static String post(String body) {
    return "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
        + body.length()
        + "\r\n\r\n"
        + body;
  }

  private static String chunkOf(String data) {
    return Integer.toHexString(data.length()) + "\r\n" + data + "\r\n";
  }

  /** One header line of exactly {@code length} bytes, without its CRLF. */
  private static String headerOfLength(int length) {
    String name = "X-Long: ";
    return name + "v".repeat(length - name.length());
  }

  private static String headers(int count) {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < count; i++) {
      lines.append("X-Header-").append(i).append(": ").append(i).append("\r\n");
    }
    return lines.toString();
  }

  private String nextRouted() throws InterruptedException {
    String body = routed.poll(READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    assertThat(body).as("a delivery routed within %d ms", READ_TIMEOUT_MILLIS).isNotNull();
    return body;
  }

  /**
   * Sends {@code request} alone on a new connection: it must be answered 200 with {@code
   * Connection: close}, its body routed as {@code body}, and the connection then closed.
   */
  private void assertAnsweredRoutedAndClosed(String request, String body) throws Exception {
    try (Client client = connect()) {
      client.send(request);

      Answer answer = client.answer();
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.header("connection")).isEqualToIgnoringCase("close");
      client.assertClosedByListener();
      assertThat(nextRouted()).isEqualTo(body);
    }
  }

  /**
   * Sends {@code request} alone on a new connection: it must be refused with {@code status} and the
   * connection closed, and the listener must go on serving other clients.
   */
  private void assertRefusedAndClosed(String request, int status) throws Exception {
    try (Client client = connect()) {
      client.send(request);

      assertThat(client.answer().status()).isEqualTo(status);
      client.assertClosedByListener();
    }

    assertListenerServesAndNothingElseWasRouted();
  }

  /**
   * A good delivery on a new connection is answered and routed, and nothing was routed before it
   * (the connections the test broke are closed by now).
   */
  private void assertListenerServesAndNothingElseWasRouted() throws Exception {
    try (Client client = connect()) {
      client.send(post("[\"good\"]"));

      assertThat(client.answer().status()).isEqualTo(200);
      assertThat(nextRouted()).isEqualTo("[\"good\"]");
      assertThat(routed).isEmpty();
      assertThat(counters.oversizedDeliveries.get()).isZero();
    }
  }

  record Answer(int status, Map<String, String> headers) {

    @Nullable String header(String name) {
      return headers.get(name);
    }
  }

  /** One raw connection to the listener. */
  private static final class Client implements AutoCloseable {

    final Socket socket;
    final InputStream in;

    Client(Socket socket) throws IOException {
      this.socket = socket;
      this.in = new BufferedInputStream(socket.getInputStream());
    }

    void send(String text) throws IOException {
      socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
    }

    /** Reads one answer's head and its Content-Length body. */
    Answer answer() throws IOException {
      String statusLine = line();
      assertThat(statusLine).as("an answer's status line").isNotNull().startsWith("HTTP/1.1 ");
      Map<String, String> headers = new HashMap<>();
      for (String line = line(); line != null && !line.isEmpty(); line = line()) {
        int colon = line.indexOf(':');
        headers.put(
            line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
      }
      int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
      assertThat(in.readNBytes(length)).hasSize(length);
      return new Answer(Integer.parseInt(statusLine.substring(9, 12)), headers);
    }

    /** The listener closes the connection after its last answer, sending nothing more. */
    void assertClosedByListener() throws IOException {
      int next;
      try {
        next = in.read();
      } catch (SocketException e) {
        return; // a reset is a close too
      }
      assertThat(next).as("the end of the connection").isEqualTo(-1);
    }

    /** Reads whatever the listener still sends until it closes the connection. */
    void drainUntilClosed() throws IOException {
      try {
        in.readAllBytes();
      } catch (SocketException e) {
        // A reset is a close too.
      }
    }

    private @Nullable String line() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
        }
        if (b != '\r') {
          line.write(b);
        }
      }
      return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
