package dev.telemetryrouter.locallambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Reads wire payload fixtures from src/test/resources, filling their %s / %d placeholders. */
final class Fixtures {

  private Fixtures() {}

  static String read(String name, Object... args) {
    try (InputStream in =
        Objects.requireNonNull(Fixtures.class.getResourceAsStream("/" + name), name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).formatted(args);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String telemetry(String schema, String uri) {
    return read("subscriptions/telemetry.json", schema, 1000, 25, uri);
  }
}
