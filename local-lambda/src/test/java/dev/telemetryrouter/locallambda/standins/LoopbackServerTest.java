package dev.telemetryrouter.locallambda.standins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stand-ins' HTTP/1.1 server, spoken to byte by byte as the SDK's and OkHttp's clients do. */
class LoopbackServerTest {

  private final List<LoopbackServer.Request> seen = new CopyOnWriteArrayList<>();
  private LoopbackServer server;

  @BeforeEach
  void start() throws IOException {
    server =
        LoopbackServer.start(
            "test",
            request -> {
              seen.add(request);
              byte[] body = ("got " + request.body().length).getBytes(StandardCharsets.UTF_8);
              return new LoopbackServer.Answer(200, Map.of("Content-Type", "text/plain"), body);
            });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void keepAlive_answersTwoRequestsOnOneConnection() throws IOException {
    try (Socket socket = connect()) {
      send(socket, "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc");
      String first = readAnswer(socket.getInputStream());
      send(socket, "PUT /b HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\nz");
      String second = readAnswer(socket.getInputStream());

      assertThat(first).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\ngot 3");
      assertThat(second).contains("Content-Length: 5\r\n").endsWith("got 1");
    }
    assertThat(seen).extracting(LoopbackServer.Request::target).containsExactly("/a", "/b");
    assertThat(seen.get(1).method()).isEqualTo("PUT");
  }

  @Test
  void chunkedBody_isReadWholeWithExtensionsAndTrailersSkipped() throws IOException {
    try (Socket socket = connect()) {
      send(
          socket,
          "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
              + "4;name=value\r\nwiki\r\n5\r\npedia\r\n0\r\nX-Trailer: t\r\n\r\n");

      assertThat(readAnswer(socket.getInputStream())).endsWith("got 9");
    }
    assertThat(new String(seen.getFirst().body(), StandardCharsets.UTF_8)).isEqualTo("wikipedia");
  }

  @Test
  void expectContinue_getsAn100BeforeTheBodyIsSent() throws IOException {
    try (Socket socket = connect()) {
      send(socket, "PUT /k HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
      InputStream in = socket.getInputStream();
      String interim = new String(in.readNBytes(25), StandardCharsets.ISO_8859_1);
      send(socket, "ok");

      assertThat(interim).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
      assertThat(readAnswer(in)).startsWith("HTTP/1.1 200 OK").endsWith("got 2");
    }
  }

  @Test
  void connectionClose_isHonouredAfterTheAnswer() throws IOException {
    try (Socket socket = connect()) {
      send(socket, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n");
      InputStream in = socket.getInputStream();
      String answer = readAnswer(in);

      assertThat(answer).contains("Connection: close\r\n").endsWith("got 0");
      assertThat(in.read()).as("end of stream").isEqualTo(-1);
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
    socket.setSoTimeout(5_000);
    return socket;
  }

  private static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** Reads one answer: its head up to the blank line, then Content-Length bytes of body. */
  private static String readAnswer(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    int at = text.indexOf("Content-Length: ");
    int length = Integer.parseInt(text.substring(at + 16, text.indexOf("\r\n", at)));
    return text + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
  }
}
