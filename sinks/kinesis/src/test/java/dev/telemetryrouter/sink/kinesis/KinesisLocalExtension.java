package dev.telemetryrouter.sink.kinesis;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one {@link KinesisLocal} for the whole test run (the first class that needs it starts it)
 * and stops it when JUnit closes its root store at the end of the run. Test classes read the
 * endpoint with {@link #endpoint()} and read streams back with {@link #streams()}.
 */
final class KinesisLocalExtension implements BeforeAllCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(KinesisLocalExtension.class);

  private static volatile @Nullable Running running;

  @Override
  public void beforeAll(ExtensionContext context) {
    running =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .computeIfAbsent(Running.class, key -> Running.start(), Running.class);
  }

  static URI endpoint() {
    return current().emulator().endpoint();
  }

  /** A consumer-side client of the running emulator, shared by the test classes. */
  static EmulatorStreams streams() {
    return current().streams();
  }

  private static Running current() {
    Running current = running;
    if (current == null) {
      throw new IllegalStateException(
          "annotate the test class with @ExtendWith(KinesisLocalExtension)");
    }
    return current;
  }

  /** The emulator as a store value, closed by JUnit at the end of the run. */
  record Running(KinesisLocal emulator, EmulatorStreams streams) implements AutoCloseable {

    static Running start() {
      try {
        Path log = Path.of("target", "kinesis-local.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        KinesisLocal emulator = KinesisLocal.start(log);
        return new Running(emulator, new EmulatorStreams(emulator.endpoint()));
      } catch (Exception e) {
        throw new IllegalStateException("could not start kinesis-local: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      streams.close();
      emulator.close();
    }
  }
}
