package dev.telemetryrouter.core;

import dev.telemetryrouter.core.lambda.ExtensionProcess;
import java.lang.System.Logger.Level;
import java.time.InstantSource;
import java.util.Map;

/**
 * The extension process. The layer's launcher in {@code /opt/extensions} starts it with its own
 * file name in {@value ExtensionProcess#NAME_VARIABLE}.
 *
 * <p>The process exits only after SHUTDOWN (0) or after reporting an init or exit error (1): Lambda
 * treats any other exit, even with code 0, as a crash (as AWS's reference emulator does:
 * aws/aws-lambda-runtime-interface-emulator, internal/lambda/fatalerror/fatalerror.go).
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Map<String, String> environment = System.getenv();
    InstantSource clock = InstantSource.system();
    int status;
    try {
      status =
          new ExtensionProcess(
                  environment,
                  ExtensionProcess.extensionName(environment),
                  Wiring.configuration(environment, clock),
                  Wiring.routers(),
                  clock)
              .run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = 1;
    } catch (RuntimeException | Error e) {
      // No logger field: see ExtensionProcess on why nothing is logged before register.
      System.getLogger(Main.class.getName())
          .log(Level.ERROR, "the extension failed outside its lifecycle", e);
      status = 1;
    }
    System.exit(status);
  }
}
