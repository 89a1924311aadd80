package dev.telemetryrouter.e2e;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Reads records as JSON objects: what the file sink wrote (every {@code .jsonl} file of a folder,
 * in name order) and what the stdout sink printed.
 */
final class JsonLines {

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonLines() {}

  static List<Map<String, @Nullable Object>> readFolder(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Map<String, @Nullable Object>> records = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            records.add(parseObject(line));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return records;
  }

  /**
   * The records a stdout sink wrote with {@code prefix}, read from the emulator's extensions.log,
   * where each line of the extension's standard output reads {@code <time> <extension> stdout:
   * <line>}.
   */
  static List<Map<String, @Nullable Object>> fromStdout(String extensionLog, String prefix) {
    String marker = " stdout: " + prefix;
    return extensionLog
        .lines()
        .filter(line -> line.contains(marker))
        .map(line -> parseObject(line.substring(line.indexOf(marker) + marker.length())))
        .toList();
  }

  @SuppressWarnings("unchecked")
  static Map<String, @Nullable Object> parseObject(String text) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      parser.nextToken();
      return (Map<String, @Nullable Object>) read(parser);
    } catch (IOException e) {
      throw new UncheckedIOException("not a JSON line: " + text, e);
    }
  }

  private static @Nullable Object read(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        Map<String, @Nullable Object> object = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          object.put(name, read(parser));
        }
        return object;
      }
      case START_ARRAY -> {
        List<@Nullable Object> array = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(read(parser));
        }
        return array;
      }
      case VALUE_STRING -> {
        return parser.getText();
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return parser.getDecimalValue();
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return parser.getBooleanValue();
      }
      default -> {
        return null;
      }
    }
  }
}
