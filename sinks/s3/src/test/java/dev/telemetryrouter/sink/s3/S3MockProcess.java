package dev.telemetryrouter.sink.s3;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Adobe S3Mock as a child process on 127.0.0.1 only: its HTTPS connector through {@code
 * server.address}, its plain-HTTP one through a small Spring XML source (see
 * loopback-http-connector.xml). The jar comes from the build ({@code s3mock.jar} system property).
 * Public, and shipped in this module's test jar, for the end-to-end tests.
 */
public final class S3MockProcess implements AutoCloseable {

  /** Spring Boot with Tomcat starts in seconds; this leaves room on a busy 2-core machine. */
  private static final Duration READY_BOUND = Duration.ofMinutes(3);

  private final Process process;
  private final Path directory;
  private final int httpPort;

  private S3MockProcess(Process process, Path directory, int httpPort) {
    this.process = process;
    this.directory = directory;
    this.httpPort = httpPort;
  }

  public static S3MockProcess start() throws Exception {
    Path jar = Path.of(System.getProperty("s3mock.jar", "target/s3mock/s3mock.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no S3Mock jar at " + jar + ": run the tests through Maven");
    }
    Path directory = Files.createTempDirectory("s3mock-");
    Path bind = directory.resolve("loopback-http-connector.xml");
    try (InputStream in =
        S3MockProcess.class.getResourceAsStream("/s3/loopback-http-connector.xml")) {
      Files.copy(in, bind, StandardCopyOption.REPLACE_EXISTING);
    }

    int httpsPort = freePort();
    int httpPort = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-XX:TieredStopAtLevel=1",
            "-Xmx512m",
            "-jar",
            jar.toString(),
            "--server.address=127.0.0.1",
            "--server.port=" + httpsPort,
            "--http.port=" + httpPort,
            "--spring.main.sources=" + bind.toUri(),
            "--com.adobe.testing.s3mock.store.root=" + directory.resolve("store"),
            "--com.adobe.testing.s3mock.max-payload-size=80MB",
            "--logging.level.root=WARN"));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("s3mock.log").toFile())
            .start();
    S3MockProcess mock = new S3MockProcess(process, directory, httpPort);
    try {
      mock.awaitReady();
      return mock;
    } catch (Exception e) {
      mock.close();
      throw e;
    }
  }

  public String url() {
    return "http://127.0.0.1:" + httpPort;
  }

  int httpPort() {
    return httpPort;
  }

  public long pid() {
    return process.pid();
  }

  private void awaitReady() throws Exception {
    long giveUp = System.nanoTime() + READY_BOUND.toNanos();
    while (System.nanoTime() - giveUp < 0) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "S3Mock exited early; see " + directory.resolve("s3mock.log"));
      }
      if (answers()) {
        return;
      }
      process.waitFor(250, TimeUnit.MILLISECONDS);
    }
    throw new IllegalStateException("S3Mock not ready after " + READY_BOUND);
  }

  private boolean answers() {
    try {
      HttpURLConnection connection =
          (HttpURLConnection) URI.create(url() + "/").toURL().openConnection();
      connection.setConnectTimeout(1000);
      connection.setReadTimeout(2000);
      int status = connection.getResponseCode();
      connection.disconnect();
      return status == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The local addresses S3Mock listens on, from /proc/net/tcp and tcp6, such as {@code 0100007F}
   * for 127.0.0.1; empty where /proc is not there.
   */
  List<String> listeningAddresses(int port) throws IOException {
    String portHex = String.format(Locale.ROOT, "%04X", port);
    List<String> addresses = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path path = Path.of(table);
      if (!Files.isReadable(path)) {
        continue;
      }
      for (String line : Files.readAllLines(path)) {
        String[] fields = line.strip().split("\\s+");
        if (fields.length > 3 && fields[3].equals("0A") && fields[1].endsWith(":" + portHex)) {
          addresses.add(fields[1].substring(0, fields[1].indexOf(':')));
        }
      }
    }
    return addresses;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    deleteTree(directory);
  }

  /** Removes the store and log; keeps them if S3Mock is somehow still running. */
  private void deleteTree(Path root) throws IOException {
    if (process.isAlive() || !Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
