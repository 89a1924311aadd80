package dev.telemetryrouter.locallambda;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment variables Lambda gives extension processes and the runtime (Lambda Extensions
 * API, "Environment variables",
 * https://docs.aws.amazon.com/lambda/latest/dg/runtimes-extensions-api.html; the reference
 * emulator's aws/aws-lambda-runtime-interface-emulator,
 * internal/lambda/rapidcore/env/environment.go).
 */
final class LambdaEnvironment {

  // Credentials that can never work against AWS: the emulator must not lead anything to a real
  // account, and SDK clients under test get explicit loopback endpoints.
  static final String FAKE_ACCESS_KEY = "AKIALOCALLAMBDAFAKE0";
  static final String FAKE_SECRET_KEY = "local-lambda-fake-secret-access-key";
  static final String FAKE_SESSION_TOKEN = "local-lambda-fake-session-token";

  private LambdaEnvironment() {}

  /**
   * For extensions: the function's variables except those starting with "_" (which the reference
   * emulator withholds), credentials, region, function name, memory, version, the API address, TZ
   * and LANG (a UTF-8 locale, see {@link HostLocale}); not the runtime-only variables such as
   * AWS_EXECUTION_ENV, LAMBDA_TASK_ROOT or _HANDLER. Added for local runs: PATH (the host's, with
   * the layer's bin/ first, as /opt/bin is on Lambda), TELEMETRY_ROUTER_OPT_DIR (where /opt lives)
   * and the configured extra variables.
   */
  static Map<String, String> forExtensions(Settings settings, int apiPort) {
    Map<String, String> env = new LinkedHashMap<>();
    settings
        .functionEnv()
        .forEach(
            (k, v) -> {
              if (!k.startsWith("_")) {
                env.put(k, v);
              }
            });
    common(env, settings);
    env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + apiPort);
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    env.put(Settings.OPT_DIR_VARIABLE, settings.layerDir().toAbsolutePath().toString());
    env.put("PATH", settings.layerDir().resolve("bin").toAbsolutePath() + ":" + hostPath());
    env.putAll(settings.extensionEnv());
    return env;
  }

  /** For the function command: its variables plus what a runtime sees. */
  static Map<String, String> forFunction(Settings settings) {
    Map<String, String> env = new LinkedHashMap<>(settings.functionEnv());
    common(env, settings);
    env.put("AWS_LAMBDA_LOG_FORMAT", settings.logFormat().envValue());
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + settings.functionName());
    env.put("PATH", hostPath());
    return env;
  }

  private static void common(Map<String, String> env, Settings settings) {
    env.put("AWS_ACCESS_KEY_ID", FAKE_ACCESS_KEY);
    env.put("AWS_SECRET_ACCESS_KEY", FAKE_SECRET_KEY);
    env.put("AWS_SESSION_TOKEN", FAKE_SESSION_TOKEN);
    env.put("AWS_REGION", settings.region());
    env.put("AWS_DEFAULT_REGION", settings.region());
    env.put("AWS_LAMBDA_FUNCTION_NAME", settings.functionName());
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(settings.memoryMb()));
    env.put("AWS_LAMBDA_FUNCTION_VERSION", settings.functionVersion());
    env.put("TZ", ":UTC");
    // Lambda sets LANG=en_US.UTF-8; without a UTF-8 locale a child's non-ASCII output becomes '?'.
    // It is not reserved on Lambda, so a function variable LANG wins.
    env.putIfAbsent("LANG", HostLocale.utf8());
  }

  private static String hostPath() {
    String path = System.getenv("PATH");
    return path == null ? "/usr/local/bin:/usr/bin:/bin" : path;
  }
}
