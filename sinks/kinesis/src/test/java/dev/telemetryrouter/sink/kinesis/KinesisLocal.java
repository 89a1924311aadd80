package dev.telemetryrouter.sink.kinesis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The npm emulator {@code kinesis-local} (kinesis-mock built for Node), run as a child process on
 * 127.0.0.1 for the integration tests.
 *
 * <p>It binds every interface with the address written into its code, so it runs under {@code
 * force-loopback.js}, a Node preload that rewrites every listen to 127.0.0.1; {@link #start} checks
 * with {@code ss -ltnp} that no listener of the process is on a wildcard address. It reads its TLS
 * certificate even when only the plain port is used, so the certificate path and both ports are
 * always set. Readiness is its {@code /healthcheck} answering 200. Public, and shipped in this
 * module's test jar, for the end-to-end tests.
 */
public final class KinesisLocal implements AutoCloseable {

  /**
   * Where package.json, the lock file and the preload live: this module's src/test/node, from the
   * module's folder, or the folder in the {@code kinesis.node.dir} system property (set by other
   * modules' builds that run this emulator).
   */
  static final Path NODE_DIR =
      Path.of(System.getProperty("kinesis.node.dir", "src/test/node")).toAbsolutePath();

  public static final String REGION = "us-east-1";
  static final String ACCOUNT = "000000000000";

  private static final Path MAIN = NODE_DIR.resolve("node_modules/kinesis-local/main.js");
  private static final Duration INSTALL_BOUND = Duration.ofMinutes(5);
  private static final Duration START_BOUND = Duration.ofSeconds(60);

  private final Process process;
  private final int plainPort;

  private KinesisLocal(Process process, int plainPort) {
    this.process = process;
    this.plainPort = plainPort;
  }

  /** The plain HTTP endpoint. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + plainPort);
  }

  /** Installs the emulator when needed, starts it, and waits until it is healthy on loopback. */
  public static KinesisLocal start(Path logFile) throws Exception {
    installIfMissing(logFile);
    int tlsPort = freePort();
    int plainPort = freePort();

    ProcessBuilder builder =
        new ProcessBuilder("node", "-r", "./force-loopback.js", MAIN.toString())
            .directory(NODE_DIR.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    Map<String, String> env = builder.environment();
    env.put("KINESIS_MOCK_CERT_PATH", MAIN.resolveSibling("server.json").toString());
    env.put("KINESIS_MOCK_TLS_PORT", Integer.toString(tlsPort));
    env.put("KINESIS_MOCK_PLAIN_PORT", Integer.toString(plainPort));
    env.put("AWS_REGION", REGION);
    env.put("AWS_ACCOUNT_ID", ACCOUNT);
    env.put("CREATE_STREAM_DURATION", "50ms");
    env.put("LOG_LEVEL", "WARN");

    KinesisLocal emulator = new KinesisLocal(builder.start(), plainPort);
    try {
      emulator.awaitHealthy(logFile);
      emulator.checkLoopbackOnly(tlsPort, plainPort);
      return emulator;
    } catch (Exception | AssertionError e) {
      emulator.close();
      throw e;
    }
  }

  private static void installIfMissing(Path logFile) throws Exception {
    if (Files.exists(MAIN)) {
      return;
    }
    Process npm;
    try {
      npm =
          new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
              .directory(NODE_DIR.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "the Kinesis emulator is not installed and npm could not run; install Node.js and npm,"
              + " then run .ci/setup-emulators (or npm ci in "
              + NODE_DIR
              + ")",
          e);
    }
    if (!npm.waitFor(INSTALL_BOUND.toSeconds(), TimeUnit.SECONDS)) {
      npm.destroyForcibly();
    }
    if (npm.isAlive() || npm.exitValue() != 0 || !Files.exists(MAIN)) {
      throw new IllegalStateException(
          "npm ci in " + NODE_DIR + " failed; see " + logFile + ", or run .ci/setup-emulators");
    }
  }

  private void awaitHealthy(Path logFile) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest health =
        HttpRequest.newBuilder(endpoint().resolve("/healthcheck"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + START_BOUND.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "kinesis-local exited with " + process.exitValue() + "; see " + logFile);
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(
        "kinesis-local was not healthy within " + START_BOUND + "; see " + logFile);
  }

  /** Fails unless the process listens on both ports, on 127.0.0.1 only. */
  private void checkLoopbackOnly(int tlsPort, int plainPort) throws Exception {
    List<String> listeners = listenersOfProcess();
    for (String line : listeners) {
      String local = line.trim().split("\\s+")[3];
      if (!local.startsWith("127.0.0.1:")) {
        throw new AssertionError("kinesis-local listens beyond loopback: " + line);
      }
    }
    String all = String.join("\n", listeners);
    if (!all.contains("127.0.0.1:" + tlsPort) || !all.contains("127.0.0.1:" + plainPort)) {
      throw new AssertionError("kinesis-local is not listening where expected: " + all);
    }
  }

  private List<String> listenersOfProcess() throws Exception {
    Process ss = new ProcessBuilder("ss", "-ltnpH").redirectErrorStream(true).start();
    String output = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!ss.waitFor(10, TimeUnit.SECONDS) || ss.exitValue() != 0) {
      throw new IllegalStateException("ss -ltnp failed (install iproute2): " + output);
    }
    String marker = "pid=" + process.pid() + ",";
    return output.lines().filter(line -> line.contains(marker)).toList();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Stops the emulator by its PID: SIGTERM, then SIGKILL if it lingers. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
