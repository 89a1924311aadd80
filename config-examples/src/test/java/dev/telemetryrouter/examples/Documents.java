package dev.telemetryrouter.examples;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Reads the schema (strict JSON) and the examples (YAML) from the repository. */
final class Documents {

  /** The repository root, seen from this module's folder (Maven runs tests there). */
  static final Path ROOT = Path.of("..");

  static final Path SCHEMA = ROOT.resolve("docs/routing.schema.json");

  /** Duplicate keys are an error: a schema with two "properties" would hide one of them. */
  private static final JsonFactory STRICT =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private Documents() {}

  /** The schema as maps and lists; throws when it is not one strict JSON object. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> schema() throws IOException {
    try (JsonParser parser = STRICT.createParser(Files.readAllBytes(SCHEMA))) {
      Object tree = value(parser, parser.nextToken());
      if (parser.nextToken() != null) {
        throw new IOException("content after the schema's closing brace");
      }
      return (Map<String, Object>) tree;
    }
  }

  /** The routing.yaml examples, sorted by name. */
  static List<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(ROOT.resolve("config-examples"))) {
      return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  static @Nullable Object yaml(String text) {
    return new Load(LoadSettings.builder().build()).loadFromString(text);
  }

  private static @Nullable Object value(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> {
        Map<String, @Nullable Object> object = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          object.put(name, value(parser, parser.nextToken()));
        }
        yield object;
      }
      case START_ARRAY -> {
        List<@Nullable Object> array = new ArrayList<>();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; ) {
          array.add(value(parser, next));
          next = parser.nextToken();
        }
        yield array;
      }
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT -> parser.getBigIntegerValue();
      case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
      case VALUE_TRUE -> true;
      case VALUE_FALSE -> false;
      case VALUE_NULL -> null;
      default -> throw new IOException("unexpected " + token + " in the schema");
    };
  }
}
