package dev.telemetryrouter.core.lambda;

import dev.telemetryrouter.core.config.ConfigException;
import dev.telemetryrouter.core.config.ExtensionSettings;
import dev.telemetryrouter.core.config.LoadedConfig;
import dev.telemetryrouter.core.engine.RecordRouter;
import dev.telemetryrouter.spi.FunctionContext;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.BindException;
import java.time.InstantSource;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The extension from start to exit. Init runs in the order Lambda needs (Lambda Extensions API,
 * "Init phase", https://docs.aws.amazon.com/lambda/latest/dg/runtimes-extensions-api.html):
 * register first (the runtime does not start until every extension has, in AWS's reference
 * emulator: aws/aws-lambda-runtime-interface-emulator, internal/lambda/rapid/handlers.go), then
 * load and validate the configuration, build the engine, start the intake listener, subscribe (only
 * allowed during Init, and only once the listener is up: Lambda Telemetry API,
 * https://docs.aws.amazon.com/lambda/latest/dg/telemetry-api.html), start warming the intake's code
 * on a thread of its own ({@link Warmup}), and hand over to the {@link LifecycleLoop}, whose first
 * {@code /next} ends this extension's Init. Nothing on this path touches a sink's network. Nothing
 * before register looks up a logger ({@link #log()}).
 *
 * <p>An Init failure after registration goes to {@code /init/error} with an {@code Extension.*}
 * type and a message a user can act on, and the process exits non-zero.
 */
public final class ExtensionProcess {

  /**
   * The launcher puts its own file name here: the name Lambda expects at register (Lambda
   * Extensions API, "Init phase").
   */
  public static final String NAME_VARIABLE = "TELEMETRY_ROUTER_EXTENSION_NAME";

  /** The same, as a system property, for launchers that pass {@code -D}. */
  public static final String NAME_PROPERTY = "telemetry.router.extension.name";

  /** The name the layer's launcher has, used when neither of the above is set. */
  public static final String DEFAULT_NAME = "telemetry-router";

  private final Map<String, String> environment;
  private final String name;
  private final ConfigurationSource configuration;
  private final RouterFactory routers;
  private final InstantSource clock;

  public ExtensionProcess(
      Map<String, String> environment,
      String name,
      ConfigurationSource configuration,
      RouterFactory routers,
      InstantSource clock) {
    this.environment = Map.copyOf(environment);
    this.name = name;
    this.configuration = configuration;
    this.routers = routers;
    this.clock = clock;
  }

  /** The extension name from the launcher: the variable, else the property, else the default. */
  public static String extensionName(Map<String, String> environment) {
    String fromEnvironment = environment.getOrDefault(NAME_VARIABLE, "");
    if (!fromEnvironment.isBlank()) {
      return fromEnvironment.strip();
    }
    return System.getProperty(NAME_PROPERTY, DEFAULT_NAME).strip();
  }

  /**
   * This class's logger, looked up when first needed rather than when the class initialises: the
   * first lookup in a process searches every jar on the class path for a {@link
   * System.LoggerFinder} (about 20 ms measured with the layer's 55 jars), and nothing on the way to
   * register may pay for that, since the runtime does not start until every extension has
   * registered.
   */
  private static System.Logger log() {
    return System.getLogger(ExtensionProcess.class.getName());
  }

  /** Runs Init and the lifecycle; returns the exit code, 0 after a clean SHUTDOWN. */
  public int run() throws InterruptedException {
    String runtimeApi = environment.getOrDefault("AWS_LAMBDA_RUNTIME_API", "");
    if (runtimeApi.isEmpty()) {
      log()
          .log(
              Level.ERROR,
              "AWS_LAMBDA_RUNTIME_API is not set: run the extension inside Lambda"
                  + " or the local emulator (local-lambda)");
      return 1;
    }
    ExtensionsApiClient client;
    RegisterResponse registration;
    try {
      client = new ExtensionsApiClient(runtimeApi);
      registration = client.register(name);
    } catch (IOException | IllegalArgumentException e) {
      log()
          .log(
              Level.ERROR,
              "registering as {0} failed: the name must be the launcher''s file name"
                  + " in /opt/extensions ({1})",
              name,
              e.getMessage());
      return 1;
    }
    log().log(Level.INFO, "registered as {0}", name);

    try {
      return afterRegistration(client, registration);
    } catch (InitFailure failure) {
      log().log(Level.ERROR, "init failed ({0}): {1}", failure.errorType, failure.getMessage());
      reportInitError(client, failure);
      return 1;
    }
  }

  private int afterRegistration(ExtensionsApiClient client, RegisterResponse registration)
      throws InitFailure, InterruptedException {
    FunctionContext function = function(registration);
    LoadedConfig loaded;
    try {
      loaded = configuration.load(function);
    } catch (ConfigException e) {
      throw new InitFailure(ConfigException.ERROR_TYPE, e.getMessage(), e);
    }
    ExtensionSettings settings = loaded.extension();

    RecordRouter router;
    try {
      router = routers.create(loaded.plan(), clock);
    } catch (Exception e) {
      throw new InitFailure("Extension.RouterFailed", "building the sinks failed: " + e, e);
    }

    Intake intake;
    try {
      intake = startIntake(router, settings, function, registration);
    } catch (InitFailure e) {
      router.shutdown(clock.instant());
      throw e;
    }
    try {
      boolean telemetryExpected = subscribe(client, settings, intake.listener.port());
      Warmup.start(intake.listener.address(), function, clock);
      LifecycleLoop loop =
          new LifecycleLoop(
              client,
              router,
              intake.queue,
              intake.assembler,
              intake.tracker,
              settings,
              telemetryExpected,
              clock,
              intake::close);
      return loop.run();
    } catch (InitFailure | RuntimeException | InterruptedException e) {
      intake.close();
      router.shutdown(clock.instant());
      throw e;
    }
  }

  private record Intake(
      IntakeListener listener,
      DeliveryQueue queue,
      RecordAssembler assembler,
      InvocationTracker tracker) {

    void close() {
      listener.close();
      queue.close();
    }
  }

  private Intake startIntake(
      RecordRouter router,
      ExtensionSettings settings,
      FunctionContext function,
      RegisterResponse registration)
      throws InitFailure {
    RecordAssembler assembler = new RecordAssembler(function, idPrefix(registration), clock);
    InvocationTracker tracker = new InvocationTracker(clock);
    IntakeCounters counters = new IntakeCounters();
    IntakeProcessor processor =
        new IntakeProcessor(assembler, router, tracker, counters, settings.routeOwnLogs());
    long maxBody = maxBodyBytes(settings);
    // Four bodies of the largest size: room for the platform to keep going while one is routed.
    DeliveryQueue queue =
        new DeliveryQueue(processor, clock, (int) Math.min(Integer.MAX_VALUE, 4 * maxBody));
    try {
      IntakeListener listener =
          IntakeListener.start(
              settings.listener().host(),
              settings.listener().port(),
              maxBody,
              queue::submit,
              counters);
      log().log(Level.INFO, "intake listening on {0}", listener.address());
      return new Intake(listener, queue, assembler, tracker);
    } catch (BindException e) {
      queue.close();
      throw new InitFailure(
          "Extension.ListenerFailed",
          "the intake listener cannot bind port "
              + settings.listener().port()
              + " ("
              + e.getMessage()
              + "): another process uses it; set"
              + " extension.listener.port to a free port other than 9001",
          e);
    } catch (IOException e) {
      queue.close();
      throw new InitFailure(
          "Extension.ListenerFailed",
          "the intake listener cannot start on '" + settings.listener().host() + "': " + e,
          e);
    }
  }

  /**
   * A delivery may reach twice the subscription's maxBytes plus the per-event envelope (time, type
   * and JSON escaping: Lambda Telemetry API,
   * https://docs.aws.amazon.com/lambda/latest/dg/telemetry-api.html); 256 bytes an item covers that
   * envelope.
   */
  static long maxBodyBytes(ExtensionSettings settings) {
    return 2L * settings.buffering().maxBytes() + 256L * settings.buffering().maxItems();
  }

  private boolean subscribe(ExtensionsApiClient client, ExtensionSettings settings, int port)
      throws InitFailure, InterruptedException {
    try {
      Subscriber.Outcome outcome =
          new Subscriber(client).subscribe(settings, Subscriber.destination(port));
      return outcome == Subscriber.Outcome.SUBSCRIBED && settings.types().contains("platform");
    } catch (IOException e) {
      throw new InitFailure(
          "Extension.SubscribeFailed",
          "subscribing to the "
              + (settings.api() == ExtensionSettings.Api.LOGS ? "Logs API" : "Telemetry API")
              + " failed: "
              + e.getMessage()
              + "; check extension.api, extension.types and"
              + " extension.buffering in routing.yaml",
          e);
    }
  }

  private FunctionContext function(RegisterResponse registration) {
    String name = environment.getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "");
    String version = environment.getOrDefault("AWS_LAMBDA_FUNCTION_VERSION", "");
    return new FunctionContext(
        name.isEmpty() ? registration.functionName() : name,
        version.isEmpty() ? registration.functionVersion() : version,
        environment.getOrDefault("AWS_REGION", ""),
        memoryMb(environment.getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "")),
        registration.accountId());
  }

  private static int memoryMb(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The registration id is unique per extension start, so record ids stay unique across resets. */
  private static String idPrefix(RegisterResponse registration) {
    String id = registration.extensionId().replace("-", "");
    return id.length() > 12 ? id.substring(0, 12) : id;
  }

  private static void reportInitError(ExtensionsApiClient client, InitFailure failure)
      throws InterruptedException {
    try {
      client.initError(failure.errorType, failure.getMessage(), failure.getCause());
    } catch (IOException e) {
      log().log(Level.ERROR, "reporting the init error to the platform failed ({0})", e.toString());
    }
  }

  /** An Init failure with the error type the platform is told. */
  private static final class InitFailure extends Exception {
    private final String errorType;

    InitFailure(String errorType, String message, @Nullable Throwable cause) {
      super(message, cause);
      this.errorType = errorType;
    }
  }
}
