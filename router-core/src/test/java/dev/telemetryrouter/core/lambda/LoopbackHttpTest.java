package dev.telemetryrouter.core.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The platform-API client against a raw socket server on 127.0.0.1 that answers as scripted. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LoopbackHttpTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final ServerSocket server;
  private final LoopbackHttp http;

  LoopbackHttpTest() throws IOException {
    server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
    http = new LoopbackHttp("127.0.0.1:" + server.getLocalPort());
  }

  @AfterEach
  void closeServer() throws IOException {
    server.close();
  }

  @Test
  void exchange_sendsHeadersAndBody_andReadsAContentLengthAnswer() throws Exception {
    CompletableFuture<String> request =
        answer(
            "HTTP/1.1 200 OK\r\nLambda-Extension-Identifier: id-1\r\nContent-Length: 7\r\n\r\n"
                + "{\"a\":1}");

    LoopbackHttp.Response response =
        http.exchange(
            "POST", "/register", Map.of("X-Name", "caf\u00e9"), "{\"\u00e9\":1}", TIMEOUT);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("lambda-extension-identifier")).isEqualTo("id-1");
    assertThat(response.body()).isEqualTo("{\"a\":1}");
    assertThat(request.get())
        .startsWith("POST /register HTTP/1.1\r\n")
        .contains("Host: 127.0.0.1:" + server.getLocalPort() + "\r\n")
        .contains("Connection: close\r\n")
        .contains("Content-Length: 8\r\n")
        .endsWith("\r\n\r\n{\"\u00e9\":1}");
  }

  @Test
  void exchange_whenTheAnswerIsChunked_joinsTheChunks() throws Exception {
    answer(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "4\r\n{\"ev\r\n6;ext=1\r\nent\":1\r\n1\r\n}\r\n0\r\nTrailer: x\r\n\r\n");

    LoopbackHttp.Response response = http.exchange("GET", "/next", Map.of(), null, Duration.ZERO);

    assertThat(response.body()).isEqualTo("{\"event\":1}");
  }

  @Test
  void exchange_whenTheAnswerHasNoLength_readsToTheEnd() throws Exception {
    answer("HTTP/1.0 403 Forbidden\n\n{\"errorType\":\"Extension.Forbidden\"}");

    LoopbackHttp.Response response = http.exchange("PUT", "/logs", Map.of(), "{}", TIMEOUT);

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"errorType\":\"Extension.Forbidden\"}");
  }

  @Test
  void exchange_whenTheAnswerEndsEarly_failsNamingTheShortfall() throws Exception {
    answer("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n{\"short\":");

    assertThatThrownBy(() -> http.exchange("GET", "/next", Map.of(), null, TIMEOUT))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("of 50 bytes");
  }

  @Test
  void exchange_whenTheServerIsNotHttp_failsWithTheLineItSent() throws Exception {
    answer("SSH-2.0-OpenSSH\r\n");

    assertThatThrownBy(() -> http.exchange("GET", "/next", Map.of(), null, TIMEOUT))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("SSH-2.0-OpenSSH");
  }

  @Test
  void exchange_whenTheServerNeverAnswers_timesOutAfterTheBound() throws Exception {
    CompletableFuture<Socket> held = CompletableFuture.supplyAsync(this::acceptAndHold);

    try {
      assertThatThrownBy(
              () -> http.exchange("GET", "/register", Map.of(), null, Duration.ofMillis(200)))
          .isInstanceOf(SocketTimeoutException.class);
    } finally {
      held.get().close();
    }
  }

  @Test
  void constructor_whenTheAddressHasNoPort_explainsTheExpectedForm() {
    assertThatThrownBy(() -> new LoopbackHttp("127.0.0.1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("host:port");
  }

  /**
   * Accepts one connection, reads its request (head and Content-Length body), sends {@code raw}.
   */
  private CompletableFuture<String> answer(String raw) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (Socket socket = server.accept()) {
            String request = readRequest(socket.getInputStream());
            socket.getOutputStream().write(raw.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return request;
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private Socket acceptAndHold() {
    try {
      return server.accept();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    while (!bytes.toString(StandardCharsets.UTF_8).contains("\r\n\r\n")) {
      bytes.write(in.read());
    }
    String head = bytes.toString(StandardCharsets.UTF_8);
    int length = 0;
    for (String line : head.split("\r\n")) {
      if (line.startsWith("Content-Length: ")) {
        length = Integer.parseInt(line.substring("Content-Length: ".length()));
      }
    }
    bytes.write(in.readNBytes(length));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
