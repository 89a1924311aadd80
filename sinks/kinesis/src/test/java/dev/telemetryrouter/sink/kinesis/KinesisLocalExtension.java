package dev.telemetryrouter.sink.kinesis;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one {@link KinesisLocal} for the whole test run (the first class that needs it starts it)
 * and stops it when JUnit closes its root store at the end of the run. Test classes read the
 * endpoint with {@link #endpoint()}.
 */
final class KinesisLocalExtension implements BeforeAllCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(KinesisLocalExtension.class);

  private static volatile URI endpoint = URI.create("http://127.0.0.1:9");

  @Override
  public void beforeAll(ExtensionContext context) {
    Running running =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .computeIfAbsent(Running.class, key -> Running.start(), Running.class);
    endpoint = running.emulator().endpoint();
  }

  static URI endpoint() {
    return endpoint;
  }

  /** The emulator as a store value, closed by JUnit at the end of the run. */
  record Running(KinesisLocal emulator) implements AutoCloseable {

    static Running start() {
      try {
        Path log = Path.of("target", "kinesis-local.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        return new Running(KinesisLocal.start(log));
      } catch (Exception e) {
        throw new IllegalStateException("could not start kinesis-local: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      emulator.close();
    }
  }
}
