package dev.telemetryrouter.core.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Wire payloads from {@code src/test/resources/lambda}. */
final class Fixtures {

  private Fixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/lambda/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  static List<PlatformEvent> events(String name) {
    DeliveryDecoder.Result result = new DeliveryDecoder().decode(bytes(name));
    if (result.malformed()) {
      throw new IllegalStateException(name + " is malformed: " + result.error());
    }
    return result.events();
  }
}
