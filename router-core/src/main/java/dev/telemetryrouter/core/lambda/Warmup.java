package dev.telemetryrouter.core.lambda;

import dev.telemetryrouter.core.encode.RecordEncoder;
import dev.telemetryrouter.spi.FunctionContext;
import dev.telemetryrouter.spi.TelemetryRecord;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;

/**
 * Runs the intake's code once during Init, on made-up data that is never routed, so the first
 * invocation does not pay for loading it: measured under the emulator, the first end-of-invocation
 * wait was about 300 ms longer than later ones, most of it class loading on this path (then the JDK
 * HTTP server's first exchange and its Date header's time-zone data, since replaced by {@link
 * IntakeListener}'s own; Jackson's parser, the record assembler, the encoder).
 *
 * <p>It runs on a thread of its own, started after the subscription, and the Init thread does not
 * wait for it: measured with the start-up harness, waiting added about 35 ms to the first {@code
 * /next} (80 ms of CPU), and starting it before the subscription still delayed the first {@code
 * /next} by about 8 ms, the two threads sharing the CPU. Lambda's Init lasts until the runtime and
 * every extension are ready (Lambda Extensions API,
 * https://docs.aws.amazon.com/lambda/latest/dg/runtimes-extensions-api.html), and the runtime
 * initialises at the same time as we do, so the warm-up mostly runs inside the runtime's own Init.
 * If the sandbox is frozen before it ends, it ends after the thaw: it holds no record and no
 * connection but its own loopback exchange with the listener, so a freeze costs it nothing but the
 * time it would have saved.
 */
final class Warmup {

  private static final System.Logger log = System.getLogger(Warmup.class.getName());

  /** The listener answers at once; a warm-up that waits longer than this is not worth it. */
  private static final Duration SELF_POST_TIMEOUT = Duration.ofSeconds(2);

  /**
   * One delivery of each shape the intake sees most: text and JSON function lines, an own line, and
   * the platform events that frame an invocation (Lambda Telemetry API Event schema reference,
   * https://docs.aws.amazon.com/lambda/latest/dg/telemetry-schema-reference.html).
   */
  private static final String SAMPLE =
      """
      [{"time":"2025-01-01T00:00:00.000Z","type":"platform.start",\
      "record":{"requestId":"warmup","version":"$LATEST"}},
      {"time":"2025-01-01T00:00:00.001Z","type":"function","record":"plain line\\n"},
      {"time":"2025-01-01T00:00:00.002Z","type":"function",\
      "record":{"timestamp":"2025-01-01T00:00:00.002Z","level":"WARN","message":"json line",\
      "requestId":"warmup","n":1.5,"ok":true,"list":[1,null]}},
      {"time":"2025-01-01T00:00:00.003Z","type":"extension","record":"[telemetry-router] INFO x"},
      {"time":"2025-01-01T00:00:00.004Z","type":"platform.runtimeDone",\
      "record":{"requestId":"warmup","status":"success","metrics":{"durationMs":1.0}}}]
      """;

  /**
   * Marks the warm-up's own exchange with the listener, so that the listener can tell a failure of
   * it (the listener closed by a SHUTDOWN during Init, or held up past the timeout) from a platform
   * delivery lost.
   */
  static final String HEADER = "Telemetry-Router-Warmup";

  /**
   * {@code -Dtelemetry.router.warmup=false} in {@code TELEMETRY_ROUTER_JAVA_OPTS} skips the
   * warm-up, so that the start-up harness can measure what it buys (docs/benchmarks.md).
   */
  static final String ENABLED_PROPERTY = "telemetry.router.warmup";

  private Warmup() {}

  /** Runs {@link #run} on a daemon thread and returns at once. */
  static void start(InetSocketAddress listener, FunctionContext function, InstantSource clock) {
    Thread.ofPlatform()
        .daemon()
        .name("telemetry-router-warmup")
        .start(() -> run(listener, function, clock));
  }

  /**
   * Decodes, assembles and encodes {@link #SAMPLE} without routing it, then sends an empty delivery
   * ({@code []}, no events) to the listener. Never throws: a warm-up that fails costs only the time
   * it saved.
   */
  static void run(InetSocketAddress listener, FunctionContext function, InstantSource clock) {
    if (!Boolean.parseBoolean(System.getProperty(ENABLED_PROPERTY, "true"))) {
      return;
    }
    try {
      RecordAssembler assembler = new RecordAssembler(function, "warmup", clock);
      OwnLines ownLines = new OwnLines();
      for (PlatformEvent event :
          new DeliveryDecoder().decode(SAMPLE.getBytes(StandardCharsets.UTF_8)).events()) {
        TelemetryRecord record = assembler.assemble(event);
        ownLines.isOwn(record);
        for (RecordEncoding encoding : RecordEncoding.values()) {
          RecordEncoder.encode(record, encoding);
        }
      }
      selfPost(listener);
    } catch (IOException | RuntimeException e) {
      log.log(Level.DEBUG, "init warm-up skipped ({0})", e.toString());
    }
  }

  private static void selfPost(InetSocketAddress listener) throws IOException {
    String host = listener.getAddress().getHostAddress();
    String authority = host.contains(":") ? "[" + host + "]" : host;
    LoopbackHttp.Response response =
        new LoopbackHttp(authority + ":" + listener.getPort())
            .exchange(
                "POST",
                "/",
                Map.of("Content-Type", "application/json", HEADER, "1"),
                "[]",
                SELF_POST_TIMEOUT);
    if (response.status() != 200) {
      throw new IOException("the listener answered " + response.status());
    }
  }
}
