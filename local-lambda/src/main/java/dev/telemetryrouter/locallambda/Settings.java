package dev.telemetryrouter.locallambda;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/** Everything a run is configured with; built by {@link LocalLambdaBuilder}. */
record Settings(
    Path layerDir,
    Path workDir,
    boolean removeWorkDir,
    @Nullable FunctionSource defaultFunction,
    LogFormat logFormat,
    Duration functionTimeout,
    int memoryMb,
    String functionName,
    String functionVersion,
    String region,
    String accountId,
    Map<String, String> functionEnv,
    Map<String, String> extensionEnv,
    boolean freeze,
    boolean resetOnFailure,
    boolean dropWhileBusy,
    Duration initTimeout,
    Duration shutdownTimeout,
    Duration deliveryTimeout,
    @Nullable Path reportFile,
    InstantSource clock,
    RandomGenerator random) {

  /** The environment variable that tells an extension where the layer's {@code /opt} lives. */
  static final String OPT_DIR_VARIABLE = "TELEMETRY_ROUTER_OPT_DIR";

  String functionArn() {
    return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + functionName;
  }
}
