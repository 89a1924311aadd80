package dev.telemetryrouter.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where {@code routing.yaml} comes from, found in this order: inline YAML in {@value #INLINE_ENV};
 * a file named by {@value #FILE_ENV}; the first existing file of the search list ({@code
 * /var/task/routing.yaml}, then {@code /opt/telemetry-router/routing.yaml}); else the built-in
 * default from environment variables ({@link DefaultConfig}).
 *
 * @param description for the start-up log line, such as {@code file /var/task/routing.yaml}
 * @param yaml the YAML text, or {@code null} for the built-in default
 */
public record ConfigSource(String description, @Nullable String yaml) {

  /** Inline YAML; takes precedence over everything else. */
  public static final String INLINE_ENV = "TELEMETRY_ROUTER_CONFIG";

  /** A path to a YAML file. */
  public static final String FILE_ENV = "TELEMETRY_ROUTER_CONFIG_FILE";

  /**
   * The function package first (it is the user's own choice), then the layer's default. {@code
   * LAMBDA_TASK_ROOT} is not passed to extensions, so the package root is the fixed {@code
   * /var/task} (Lambda Extensions API, "Environment variables",
   * https://docs.aws.amazon.com/lambda/latest/dg/runtimes-extensions-api.html).
   */
  public static final List<Path> DEFAULT_FILES =
      List.of(Path.of("/var/task/routing.yaml"), Path.of("/opt/telemetry-router/routing.yaml"));

  public ConfigSource {
    Objects.requireNonNull(description, "description");
  }

  /** Whether this is the built-in default rather than a YAML text. */
  public boolean builtIn() {
    return yaml == null;
  }

  /**
   * Finds the source for {@code environment}, searching {@code files} in order after the two
   * variables.
   *
   * @throws ConfigException when {@value #FILE_ENV} names a file that cannot be read
   */
  public static ConfigSource resolve(Map<String, String> environment, List<Path> files)
      throws ConfigException {
    String inline = environment.get(INLINE_ENV);
    if (inline != null && !inline.isBlank()) {
      return new ConfigSource("environment variable " + INLINE_ENV, inline);
    }
    String named = environment.get(FILE_ENV);
    if (named != null && !named.isBlank()) {
      Path path = Path.of(named.strip());
      return read(path)
          .map(text -> new ConfigSource("file " + path + " (from " + FILE_ENV + ")", text))
          .orElseThrow(() -> unreadable(FILE_ENV, named, path));
    }
    for (Path file : files) {
      if (Files.isRegularFile(file)) {
        Optional<String> text = read(file);
        if (text.isPresent()) {
          return new ConfigSource("file " + file, text.get());
        }
        throw unreadable("(source)", file.toString(), file);
      }
    }
    return new ConfigSource(DefaultConfig.describe(environment), null);
  }

  private static Optional<String> read(Path path) {
    try {
      return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  private static ConfigException unreadable(String key, String shown, Path path) {
    Problems problems = new Problems();
    problems.add(
        key,
        shown,
        "a readable UTF-8 file; check the path and that the file is in the function package or"
            + " layer");
    return new ConfigException("file " + path, problems.list());
  }
}
