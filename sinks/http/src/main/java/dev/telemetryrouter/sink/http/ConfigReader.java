package dev.telemetryrouter.sink.http;

import dev.telemetryrouter.sink.http.format.BodyFormat;
import dev.telemetryrouter.sink.http.format.Formats;
import dev.telemetryrouter.spi.config.ConfigSection;
import dev.telemetryrouter.spi.config.Secret;
import dev.telemetryrouter.spi.sink.SinkLimits;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/** Reads an HTTP sink's options, recording every problem with its key path. */
final class ConfigReader {

  /**
   * Default body limit: 1 MB stays under the request limits log intakes apply out of the box and
   * keeps a batch small beside a 128 MB function.
   */
  static final long DEFAULT_MAX_BODY_BYTES = 1_000_000;

  /** Bodies are built in memory (and once more gzipped), so the ceiling stays modest. */
  static final long MAX_BODY_BYTES_CEILING = 16L * 1024 * 1024;

  /** Loki refuses lines longer than its max_line_size, 256 KB by default. */
  static final long LOKI_MAX_LINE_BYTES = 256_000;

  static final int DEFAULT_MAX_RECORDS = 1_000;

  /** Headers the sink sets itself; configuring them would corrupt the request. */
  static final Set<String> RESERVED_HEADERS =
      Set.of(
          "content-type",
          "content-encoding",
          "content-length",
          "transfer-encoding",
          "host",
          "connection",
          HttpSink.BATCH_ID_HEADER.toLowerCase(Locale.ROOT));

  /** RFC 9110 token characters for header names. */
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  /** Visible ASCII, space and tab: what OkHttp accepts in a header value. */
  private static final Pattern HEADER_VALUE = Pattern.compile("[\\t\\x20-\\x7e]*");

  private static final HttpUrl PLACEHOLDER_URL = HttpUrl.get("http://127.0.0.1/");

  private ConfigReader() {}

  static HttpSinkConfig read(ConfigSection config) {
    HttpUrl url = url(config);
    String formatName = config.choice("format", "json", Formats.NAMES).toLowerCase(Locale.ROOT);
    Map<String, Secret> headers = headers(config);
    String urlPath = url == null ? null : url.encodedPath();
    BodyFormat format = Formats.read(config, formatName, urlPath, headers);

    boolean gzip = config.bool("gzip", false);
    SinkLimits limits = limits(config, format);
    HttpSinkConfig.Timeouts timeouts =
        new HttpSinkConfig.Timeouts(
            timeout(config, "connect_timeout", Duration.ofSeconds(2)),
            timeout(config, "write_timeout", Duration.ofSeconds(10)),
            timeout(config, "read_timeout", Duration.ofSeconds(10)),
            timeout(config, "call_timeout", Duration.ofSeconds(30)));
    Duration keepAlive =
        config.duration(
            "keep_alive", Duration.ofSeconds(15), Duration.ofSeconds(1), Duration.ofMinutes(5));
    // The placeholder only lets creation go on: a url problem was recorded, so this never sends.
    HttpUrl target = url == null ? PLACEHOLDER_URL : url;
    return new HttpSinkConfig(target, format, gzip, limits, headers, timeouts, keepAlive);
  }

  /** The sink's URL, or null when it is missing or unreadable and a problem says so. */
  private static @Nullable HttpUrl url(ConfigSection config) {
    String text = config.string("url");
    HttpUrl url = HttpUrl.parse(text.strip());
    if (url == null) {
      // string() has reported a url that is missing or not text; an empty text is still ours.
      boolean reported = text.isEmpty() && !(config.raw("url") instanceof String);
      if (!reported) {
        config.problem("url", shown(text), "an http:// or https:// URL");
      }
      return null;
    }
    if (!url.username().isEmpty() || !url.password().isEmpty()) {
      config.problem(
          "url", HttpSinkConfig.redact(url), "a URL without credentials; use headers instead");
    }
    return url;
  }

  /** What of a bad URL may be shown: nothing after '?', no user info. */
  private static String shown(String text) {
    int query = text.indexOf('?');
    String head = query < 0 ? text : text.substring(0, query) + "?...";
    return head.replaceFirst("//[^/@]*@", "//...@");
  }

  /**
   * Reads {@code headers} value by value as secrets, so that a problem anywhere in it prints
   * masked: header values often carry credentials.
   */
  private static Map<String, Secret> headers(ConfigSection config) {
    Object raw = config.raw("headers");
    if (raw == null) {
      return Map.of();
    }
    if (!(raw instanceof Map<?, ?>)) {
      config.problem("headers", new Secret(raw.toString()), "a mapping of header names to values");
      return Map.of();
    }

    ConfigSection section = config.section("headers");
    Map<String, Secret> headers = new LinkedHashMap<>();
    for (String name : section.keys()) {
      Secret value = section.secret(name).orElse(new Secret(""));
      if (!HEADER_NAME.matcher(name).matches()) {
        section.problem(name, value, "a header name of letters, digits and -");
      } else if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        section.problem(name, value, "a header the sink does not set itself");
      } else if (!HEADER_VALUE.matcher(value.reveal()).matches()) {
        section.problem(name, value, "a value of visible ASCII characters, on one line");
      } else {
        headers.put(name, value);
      }
    }
    return headers;
  }

  private static SinkLimits limits(ConfigSection config, BodyFormat format) {
    long maxBody =
        config.bytes("max_body_bytes", DEFAULT_MAX_BODY_BYTES, 1_024, MAX_BODY_BYTES_CEILING);
    long bodyRoom = maxBody - format.batchOverheadBytes();
    long defaultRecord = format.name().equals("loki") ? LOKI_MAX_LINE_BYTES : bodyRoom;
    long maxRecord =
        config.bytes("max_record_bytes", Math.min(defaultRecord, bodyRoom), 1, bodyRoom);
    long maxRecords = config.number("max_records", DEFAULT_MAX_RECORDS, 1, 100_000);

    // The engine counts a record as its data plus the overhead: leave room for some data.
    long withOverhead = Math.min(bodyRoom, maxRecord + format.recordOverheadBytes());
    if (withOverhead <= format.recordOverheadBytes()) {
      config.problem(
          "max_body_bytes",
          maxBody,
          "at least "
              + (format.recordOverheadBytes() + format.batchOverheadBytes() + 1)
              + " bytes for the "
              + format.name()
              + " framing of one record");
      withOverhead = format.recordOverheadBytes() + 1L;
      maxBody = Math.max(maxBody, withOverhead + format.batchOverheadBytes());
    }
    // A full batch of the smallest records must still fit the body with its framing.
    long fitting = bodyRoom / (format.recordOverheadBytes() + 1L);
    return new SinkLimits(
        (int) Math.max(1, Math.min(maxRecords, fitting)),
        maxBody,
        withOverhead,
        format.recordOverheadBytes(),
        format.batchOverheadBytes());
  }

  private static Duration timeout(ConfigSection config, String key, Duration defaultValue) {
    return config.duration(key, defaultValue, Duration.ofMillis(10), Duration.ofMinutes(15));
  }
}
