package dev.telemetryrouter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.locallambda.FunctionSource;
import dev.telemetryrouter.locallambda.LocalLambda;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #3, end-to-end 5: the intake listener of the real process, bombarded with malformed bodies
 * and an oversized one, answers each, stays up and counts them. Freezing is off so the listener can
 * be reached between invocations.
 */
class ListenerAbuseTest {

  private static final int MALFORMED = 6;

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void malformedAndOversizedBodies_answeredCountedAndRoutingGoesOn(@TempDir Path root)
      throws Exception {
    Harness harness = new Harness(root);
    List<Integer> statuses = new ArrayList<>();
    String log;
    String secondRequest;

    try (LocalLambda lambda =
            harness
                .emulator(harness.routing("", ""))
                .freeze(false)
                .function(
                    FunctionSource.command(
                        "echo \"line of $(cat count 2>/dev/null)\";" + " echo again > count"))
                .start();
        HttpClient client = HttpClient.newHttpClient()) {
      assertThat(lambda.initSucceeded()).as(harness.extensionLog(lambda)).isTrue();
      lambda.invoke();
      for (byte[] body : abusiveBodies()) {
        statuses.add(post(client, harness.port, body));
      }
      secondRequest = lambda.invoke().requestId();
      lambda.shutdown();
      log = harness.extensionLog(lambda);
    }

    assertThat(statuses).hasSize(MALFORMED + 1).containsOnly(200);
    assertThat(log)
        .contains("malformed_deliveries=" + MALFORMED)
        .contains("oversized_deliveries=1");
    assertThat(harness.routed())
        .anyMatch(
            r ->
                secondRequest.equals(r.get("requestId"))
                    && "line of again".equals(r.get("record")));
  }

  private static List<byte[]> abusiveBodies() {
    // Twice the default maxBytes (256 KiB) plus the envelope allowance is about 770 KB.
    byte[] oversized = new byte[3 * 1024 * 1024];
    Arrays.fill(oversized, (byte) '[');
    return List.of(
        bytes("[{\"time\":\"2026-03-02T10:00:00Z\",\"type\":\"function\",\"record\":\"cut"),
        bytes("{\"not\":\"an array\"}"),
        bytes("[1, 2, 3"),
        bytes("\u0000\u0001 binary \uFFFF"),
        bytes(""),
        bytes("[".repeat(100_000)),
        oversized);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static int post(HttpClient client, int port, byte[] body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", "application/json")
            .build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
