package dev.telemetryrouter.locallambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Configures and starts a {@link LocalLambda}. Only {@link #layer(Path)} is required. */
public final class LocalLambdaBuilder {

  private @Nullable Path layerDir;
  private @Nullable Path workDir;
  private boolean keepWorkDir;
  private @Nullable FunctionSource function;
  private LogFormat logFormat = LogFormat.TEXT;
  private Duration functionTimeout = Duration.ofSeconds(3);
  private int memoryMb = 128;
  private String functionName = "local-function";
  private String functionVersion = "$LATEST";
  private String region = "us-east-1";
  private String accountId = "123456789012";
  private final Map<String, String> functionEnv = new LinkedHashMap<>();
  private final Map<String, String> extensionEnv = new LinkedHashMap<>();
  private boolean freeze = true;
  private boolean resetOnFailure = true;
  private boolean dropWhileBusy = true;
  // Lambda gives the whole Init phase 10 s (Lambda execution environment lifecycle,
  // https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html).
  private Duration initTimeout = Duration.ofSeconds(10);
  // Lambda gives external extensions 2,000 ms in all at SHUTDOWN (same page, "Shutdown phase").
  private Duration shutdownTimeout = Duration.ofMillis(2000);
  private Duration deliveryTimeout = Duration.ofSeconds(60);
  private @Nullable Path reportFile;
  private InstantSource clock = InstantSource.system();
  private RandomGenerator random = RandomGenerator.getDefault();

  LocalLambdaBuilder() {}

  /** The layer folder, which stands for {@code /opt}: extensions are in its extensions/ folder. */
  public LocalLambdaBuilder layer(Path dir) {
    this.layerDir = dir;
    return this;
  }

  /**
   * Where extensions.log is written and the function command runs. By default a new temporary
   * folder, which is deleted at the end of the run unless {@link #keepWorkDir(boolean)} is set; a
   * folder given here is always kept.
   */
  public LocalLambdaBuilder workDir(Path dir) {
    this.workDir = dir;
    return this;
  }

  /** Keeps the temporary work folder (and extensions.log in it) after the run; off by default. */
  public LocalLambdaBuilder keepWorkDir(boolean keep) {
    this.keepWorkDir = keep;
    return this;
  }

  /** The function source {@link LocalLambda#invoke()} uses. */
  public LocalLambdaBuilder function(FunctionSource source) {
    this.function = source;
    return this;
  }

  public LocalLambdaBuilder logFormat(LogFormat format) {
    this.logFormat = format;
    return this;
  }

  public LocalLambdaBuilder functionTimeout(Duration timeout) {
    this.functionTimeout = timeout;
    return this;
  }

  public LocalLambdaBuilder memoryMb(int megabytes) {
    this.memoryMb = megabytes;
    return this;
  }

  public LocalLambdaBuilder functionName(String name) {
    this.functionName = name;
    return this;
  }

  public LocalLambdaBuilder region(String awsRegion) {
    this.region = awsRegion;
    return this;
  }

  /** A function environment variable: given to the function and, as on Lambda, the extensions. */
  public LocalLambdaBuilder env(String key, String value) {
    functionEnv.put(key, value);
    return this;
  }

  /** A variable given to extension processes only (local plumbing such as JAVA_HOME). */
  public LocalLambdaBuilder extensionEnv(String key, String value) {
    extensionEnv.put(key, value);
    return this;
  }

  /** Whether extensions are SIGSTOPped between invocations; on by default. */
  public LocalLambdaBuilder freeze(boolean enabled) {
    this.freeze = enabled;
    return this;
  }

  /** Whether a failed or timed-out invocation leads to SHUTDOWN (Lambda's reset); on by default. */
  public LocalLambdaBuilder resetOnFailure(boolean enabled) {
    this.resetOnFailure = enabled;
    return this;
  }

  /**
   * Whether a batch that fills while a delivery is in flight is dropped with platform.logsDropped,
   * as the reference emulator does (on by default). Off, it waits for its turn, as production
   * Lambda mostly manages: use that where a test must not depend on delivery timing.
   */
  public LocalLambdaBuilder dropWhileBusy(boolean enabled) {
    this.dropWhileBusy = enabled;
    return this;
  }

  public LocalLambdaBuilder initTimeout(Duration timeout) {
    this.initTimeout = timeout;
    return this;
  }

  /** The time from SHUTDOWN to its deadlineMs, after which extensions are SIGKILLed. */
  public LocalLambdaBuilder shutdownTimeout(Duration timeout) {
    this.shutdownTimeout = timeout;
    return this;
  }

  /** The request timeout of one delivery POST to a subscriber. */
  public LocalLambdaBuilder deliveryTimeout(Duration timeout) {
    this.deliveryTimeout = timeout;
    return this;
  }

  /** Where the JSON report is written at shutdown; none by default. */
  public LocalLambdaBuilder reportFile(Path file) {
    this.reportFile = file;
    return this;
  }

  public LocalLambdaBuilder clock(InstantSource source) {
    this.clock = source;
    return this;
  }

  public LocalLambdaBuilder random(RandomGenerator generator) {
    this.random = generator;
    return this;
  }

  /** Serves the APIs, launches the extensions and returns when Init is over (or failed). */
  public LocalLambda start() {
    Path layer = Objects.requireNonNull(layerDir, "layer(dir) is required").toAbsolutePath();
    if (!Files.isDirectory(layer)) {
      throw new IllegalArgumentException("layer folder " + layer + " does not exist");
    }
    Settings settings =
        new Settings(
            layer,
            workDir == null ? tempDir() : workDir.toAbsolutePath(),
            workDir == null && !keepWorkDir,
            function,
            logFormat,
            functionTimeout,
            memoryMb,
            functionName,
            functionVersion,
            region,
            accountId,
            Map.copyOf(functionEnv),
            Map.copyOf(extensionEnv),
            freeze,
            resetOnFailure,
            dropWhileBusy,
            initTimeout,
            shutdownTimeout,
            deliveryTimeout,
            reportFile,
            clock,
            random);
    Sandbox sandbox = new Sandbox(settings, layerFiles(layer));
    Lifecycle lifecycle = new Lifecycle(sandbox);
    LocalLambda lambda = new LocalLambda(sandbox, lifecycle);
    try {
      lifecycle.init();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      lambda.shutdown();
      throw new IllegalStateException("interrupted during Init", e);
    } catch (RuntimeException e) {
      // Stop the server and the processes already launched before giving up.
      lambda.shutdown();
      throw e;
    }
    return lambda;
  }

  private static Set<String> layerFiles(Path layer) {
    Path folder = layer.resolve("extensions");
    if (!Files.isDirectory(folder)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString())
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("local-lambda-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a work folder", e);
    }
  }
}
