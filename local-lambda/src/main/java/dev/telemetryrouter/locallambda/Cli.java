package dev.telemetryrouter.locallambda;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The command line of {@link LocalLambda#main(String[])}: start a layer's extensions, run N
 * invocations, shut down and print the report.
 */
final class Cli {

  static final String USAGE =
      """
      usage: local-lambda --layer DIR (--function-cmd "CMD" | --events FILE) [options]
        --layer DIR            layer folder standing for /opt; extensions are in DIR/extensions
        --function-cmd "CMD"   shell command run per invocation; its output lines are function logs
        --events FILE          JSON lines {"time"?, "type", "record"} replayed per invocation
        --invocations N        invocations to run (default 1)
        --log-format text|json the function's log format (default text)
        --timeout SECONDS      function timeout (default 3)
        --memory MB            function memory (default 128)
        --env K=V              a function environment variable, also given to extensions
        --extension-env K=V    a variable for extension processes only (e.g. JAVA_HOME)
        --shutdown-reason R    spindown (default), timeout or failure
        --shutdown-timeout MS  time from SHUTDOWN to its deadline (default 2000)
        --init-timeout MS      time allowed for Init (default 10000)
        --no-freeze            do not SIGSTOP extensions between invocations
        --no-reset             keep going after a failed or timed-out invocation
        --queue-full-batches   a batch that fills while a delivery is in flight waits instead
                               of being dropped with platform.logsDropped
        --work-dir DIR         where extensions.log goes (kept); default: a temporary folder,
                               deleted at the end
        --keep-work-dir        keep the temporary folder and its extensions.log
        --report FILE          write the JSON report there
      """;

  private Cli() {}

  /**
   * Runs the command line; returns the exit code (0 ok, 1 init or an invocation failed, 2 usage).
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    LocalLambdaBuilder builder = LocalLambda.builder();
    int invocations = 1;
    String reason = "spindown";
    boolean hasFunction = false;
    boolean hasLayer = false;
    try {
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--help", "-h" -> {
            out.print(USAGE);
            return 0;
          }
          case "--no-freeze" -> builder.freeze(false);
          case "--no-reset" -> builder.resetOnFailure(false);
          case "--queue-full-batches" -> builder.dropWhileBusy(false);
          case "--keep-work-dir" -> builder.keepWorkDir(true);
          default -> {
            String value = value(args, ++i, arg);
            switch (arg) {
              case "--layer" -> {
                builder.layer(Path.of(value));
                hasLayer = true;
              }
              case "--function-cmd" -> {
                builder.function(FunctionSource.command(value));
                hasFunction = true;
              }
              case "--events" -> {
                builder.function(FunctionSource.events(Path.of(value)));
                hasFunction = true;
              }
              case "--invocations" -> invocations = Integer.parseInt(value);
              case "--log-format" -> builder.logFormat(LogFormat.parse(value));
              case "--timeout" -> builder.functionTimeout(Duration.ofMillis(seconds(value)));
              case "--memory" -> builder.memoryMb(Integer.parseInt(value));
              case "--env" -> builder.env(key(value, arg), val(value));
              case "--extension-env" -> builder.extensionEnv(key(value, arg), val(value));
              case "--shutdown-reason" -> reason = value;
              case "--shutdown-timeout" ->
                  builder.shutdownTimeout(Duration.ofMillis(Long.parseLong(value)));
              case "--init-timeout" ->
                  builder.initTimeout(Duration.ofMillis(Long.parseLong(value)));
              case "--work-dir" -> builder.workDir(Path.of(value));
              case "--report" -> builder.reportFile(Path.of(value));
              default -> throw new IllegalArgumentException("unknown option " + arg);
            }
          }
        }
      }
      if (!hasLayer || !hasFunction) {
        throw new IllegalArgumentException(
            "--layer and one of --function-cmd or --events are required");
      }
    } catch (IllegalArgumentException e) {
      err.println("local-lambda: " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
    return execute(builder, invocations, reason, out);
  }

  private static int execute(
      LocalLambdaBuilder builder, int invocations, String reason, PrintStream out) {
    boolean failed;
    RunReport report;
    try (LocalLambda lambda = builder.start()) {
      out.println("local-lambda: AWS_LAMBDA_RUNTIME_API=" + lambda.runtimeApi());
      failed = !lambda.initSucceeded();
      for (int i = 0; i < invocations && !failed && lambda.report().shutdownReason() == null; i++) {
        failed = !lambda.invoke().status().equals("success");
      }
      report = lambda.shutdown(reason);
      if (lambda.workDirKept()) {
        out.println("local-lambda: extension output in " + lambda.extensionLog());
      }
    }
    out.print(report.toText());
    return failed ? 1 : 0;
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static long seconds(String value) {
    return Math.round(Double.parseDouble(value) * 1000);
  }

  private static String key(String pair, String option) {
    int eq = pair.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(option + " expects K=V, got '" + pair + "'");
    }
    return pair.substring(0, eq);
  }

  private static String val(String pair) {
    return pair.substring(pair.indexOf('=') + 1);
  }
}
