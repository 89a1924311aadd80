package dev.telemetryrouter.sink.http.format;

import dev.telemetryrouter.spi.FieldPath;
import dev.telemetryrouter.spi.config.ConfigSection;
import dev.telemetryrouter.spi.config.Secret;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code format} of an HTTP sink and the options that belong to it. Options of a format
 * not chosen are left unread, so the engine reports them as unknown keys.
 */
public final class Formats {

  /** The names {@code format} accepts. */
  public static final List<String> NAMES =
      List.of("json", "elasticsearch", "opensearch", "splunk_hec", "loki");

  /** Loki label names: letters, digits and underscores, not starting with a digit. */
  private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Record parts that take a new value per record: as Loki labels they would explode streams. */
  private static final Set<String> HIGH_CARDINALITY =
      Set.of("id", "time", "requestId", "message", "record");

  private static final Map<String, String> DEFAULT_LABEL_FIELDS =
      Map.of("service_name", "function.name", "type", "type", "level", "level");

  private Formats() {}

  /**
   * Reads the format named {@code name} (one of {@link #NAMES}).
   *
   * @param urlPath the encoded path of the sink's URL, which some formats check; null when the URL
   *     itself is a problem, so that no format judges a path nobody wrote
   * @param headers the configured headers, to know whether one already authenticates
   */
  public static BodyFormat read(
      ConfigSection config, String name, @Nullable String urlPath, Map<String, Secret> headers) {
    return switch (name) {
      case "elasticsearch", "opensearch" -> bulk(config, name, urlPath);
      case "splunk_hec" -> splunk(config, headers);
      case "loki" -> loki(config);
      default -> json(config);
    };
  }

  private static BodyFormat json(ConfigSection config) {
    String body = config.choice("body", "json_lines", List.of("json_lines", "json_array"));
    return new JsonFormat(JsonFormat.Body.valueOf(body.toUpperCase(Locale.ROOT)));
  }

  private static BodyFormat bulk(ConfigSection config, String name, @Nullable String urlPath) {
    String index = config.optionalString("index").filter(s -> !s.isBlank()).orElse(null);
    String action = config.choice("action", "create", List.of("create", "index"));
    if (urlPath != null && !urlPath.endsWith("/_bulk")) {
      config.problem("url", urlPath, "the _bulk endpoint, such as https://search:9200/_bulk");
    } else if (index == null && "/_bulk".equals(urlPath)) {
      config.problem(
          "index", null, "an index or data stream name, or a url that names it (/logs/_bulk)");
    }
    return new ElasticsearchBulkFormat(
        name, index, ElasticsearchBulkFormat.Action.valueOf(action.toUpperCase(Locale.ROOT)));
  }

  private static BodyFormat splunk(ConfigSection config, Map<String, Secret> headers) {
    Secret token = config.secret("token").filter(s -> !s.reveal().isBlank()).orElse(null);
    boolean authorized = headers.keySet().stream().anyMatch("Authorization"::equalsIgnoreCase);
    if (token == null && !authorized) {
      config.problem("token", null, "the HEC token, such as token: ${SPLUNK_HEC_TOKEN}");
    }

    Map<String, String> metadata = new LinkedHashMap<>();
    for (String key : List.of("host", "source", "sourcetype", "index")) {
      config.optionalString(key).filter(s -> !s.isBlank()).ifPresent(v -> metadata.put(key, v));
    }
    return new SplunkHecFormat(token, encoding(config), metadata);
  }

  private static BodyFormat loki(ConfigSection config) {
    Map<String, String> labels = config.stringMap("labels");
    labels.keySet().forEach(label -> checkLabel(config, "labels", label));

    Map<String, String> fields =
        config.has("label_fields") ? config.stringMap("label_fields") : DEFAULT_LABEL_FIELDS;
    List<LokiPushFormat.LabelField> labelFields = new ArrayList<>();
    fields.forEach(
        (label, path) -> {
          checkLabel(config, "label_fields", label);
          labelField(config, label, path).ifPresent(labelFields::add);
        });

    boolean recordIdMetadata = config.bool("record_id_metadata", false);
    return new LokiPushFormat(labels, labelFields, encoding(config), recordIdMetadata);
  }

  private static Optional<LokiPushFormat.LabelField> labelField(
      ConfigSection config, String label, String path) {
    String key = "label_fields." + label;
    try {
      FieldPath parsed = FieldPath.parse(path);
      if (HIGH_CARDINALITY.contains(parsed.head())) {
        config.problem(key, path, "a field with few distinct values (level, type, function.name)");
        return Optional.empty();
      }
      return Optional.of(new LokiPushFormat.LabelField(label, parsed));
    } catch (IllegalArgumentException e) {
      config.problem(key, path, "a field path such as level or function.name");
      return Optional.empty();
    }
  }

  private static void checkLabel(ConfigSection config, String key, String label) {
    if (!LABEL_NAME.matcher(label).matches() || label.startsWith("__")) {
      config.problem(
          key + "." + label, label, "a label name of letters, digits and _, not starting __");
    }
  }

  private static RecordEncoding encoding(ConfigSection config) {
    String encoding = config.choice("encoding", "json", List.of("json", "message"));
    return RecordEncoding.valueOf(encoding.toUpperCase(Locale.ROOT));
  }
}
