package dev.telemetryrouter.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a sink's dead-letter spill file, {@code dead-letter-<sink>.jsonl}: JSON lines of {@code
 * {"sink","reason","spilledAt","entry":<record>}}.
 */
final class SpillFiles {

  private SpillFiles() {}

  /** The spilled records of {@code sink}, in spill order; empty when nothing was spilled. */
  @SuppressWarnings("unchecked")
  static List<Map<String, @Nullable Object>> entries(Path directory, String sink) {
    Path file = directory.resolve("dead-letter-" + sink + ".jsonl");
    if (!Files.exists(file)) {
      return List.of();
    }
    List<Map<String, @Nullable Object>> entries = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        Map<String, @Nullable Object> spilled = JsonLines.parseObject(line);
        if (!sink.equals(spilled.get("sink"))) {
          throw new AssertionError(
              "a line of another sink in " + file + ": " + spilled.get("sink"));
        }
        entries.add((Map<String, @Nullable Object>) spilled.get("entry"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }
}
