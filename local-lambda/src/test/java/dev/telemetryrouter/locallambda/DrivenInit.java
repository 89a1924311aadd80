package dev.telemetryrouter.locallambda;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Starts an emulator whose layer holds one file, {@code extensions/router}, that never registers;
 * the test registers under that name through {@link #driver} while Init waits for it.
 */
final class DrivenInit implements AutoCloseable {

  static final String NAME = "router";

  final CompletableFuture<LocalLambda> started;
  final ExtensionDriver driver;

  DrivenInit(Path tmp, LocalLambdaBuilder builder) throws Exception {
    Path layer = tmp.resolve("layer");
    TestLayer.withExtension(layer, "port-reporter.sh", NAME);
    Path portFile = tmp.resolve("port");
    builder
        .layer(layer)
        .workDir(tmp.resolve("work"))
        .extensionEnv("PORT_FILE", portFile.toString())
        .initTimeout(Duration.ofSeconds(20))
        .shutdownTimeout(Duration.ofMillis(500));
    // Not the common pool: on a two-core machine it has one thread, which the HTTP client needs.
    started = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                started.complete(builder.start());
              } catch (RuntimeException e) {
                started.completeExceptionally(e);
              }
            });
    driver = ExtensionDriver.awaitPortFile(portFile);
  }

  DrivenInit(Path tmp) throws Exception {
    this(tmp, LocalLambda.builder());
  }

  /** Registers as the layer's file, subscribes nothing, calls /next: Init ends. */
  LocalLambda finishInit() throws Exception {
    if (driver.id.isEmpty()) {
      driver.register(NAME, "{\"events\":[\"INVOKE\",\"SHUTDOWN\"]}");
    }
    driver.loop();
    return started.get(20, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    try {
      started.join().shutdown();
    } finally {
      driver.close();
    }
  }
}
