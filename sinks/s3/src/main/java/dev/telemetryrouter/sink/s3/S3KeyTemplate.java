package dev.telemetryrouter.sink.s3;

import dev.telemetryrouter.spi.FunctionContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An object key template such as {@code logs/{function}/dt={date}/hour={hour}/{datetime}-{unique}}.
 * Dates render in UTC whatever {@code TZ} says (Lambda sets {@code TZ} for the function). Values
 * from the environment are reduced to S3's safe key characters, so a version of {@code $LATEST}
 * renders as {@code _LATEST}.
 */
final class S3KeyTemplate {

  static final String DEFAULT =
      "logs/{function}/dt={date}/hour={hour}/{datetime}-{request_id}-{unique}";

  static final Set<String> PLACEHOLDERS =
      Set.of(
          "year",
          "month",
          "day",
          "hour",
          "minute",
          "second",
          "date",
          "datetime",
          "function",
          "version",
          "region",
          "account",
          "request_id",
          "unique");

  /** S3 object keys are at most 1,024 bytes of UTF-8 (S3 user guide, object keys). */
  static final int MAX_KEY_BYTES = 1024;

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9!_.*'()-]");
  private static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final String template;

  private S3KeyTemplate(String template) {
    this.template = template;
  }

  /** The template, or why it is unusable (an unknown placeholder, no {@code {unique}}). */
  static S3KeyTemplate parse(String template) {
    return new S3KeyTemplate(template);
  }

  /** Problems with the template; empty when it is usable. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(template);
    while (matcher.find()) {
      if (!PLACEHOLDERS.contains(matcher.group(1))) {
        problems.add("unknown placeholder {" + matcher.group(1) + "}");
      }
    }
    if (!template.contains("{unique}")) {
      problems.add("no {unique}: two objects would share a key and the second replace the first");
    }
    if (template.startsWith("/")) {
      problems.add("a leading '/' makes an empty first path segment");
    }
    return problems;
  }

  /** The key for an object named at {@code time} (UTC) with {@code unique} as its unique part. */
  String render(Instant time, FunctionContext function, @Nullable String requestId, String unique) {
    var utc = time.atOffset(ZoneOffset.UTC);
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder key = new StringBuilder();
    while (matcher.find()) {
      String value =
          switch (matcher.group(1)) {
            case "year" -> pad(utc.getYear(), 4);
            case "month" -> pad(utc.getMonthValue(), 2);
            case "day" -> pad(utc.getDayOfMonth(), 2);
            case "hour" -> pad(utc.getHour(), 2);
            case "minute" -> pad(utc.getMinute(), 2);
            case "second" -> pad(utc.getSecond(), 2);
            case "date" -> utc.toLocalDate().toString();
            case "datetime" -> DATETIME.format(time);
            case "function" -> safe(function.name(), "unknown");
            case "version" -> safe(function.version(), "unknown");
            case "region" -> safe(function.region(), "unknown");
            case "account" -> safe(function.accountId(), "unknown");
            case "request_id" -> safe(requestId, "none");
            case "unique" -> unique;
            default -> matcher.group();
          };
      matcher.appendReplacement(key, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(key);
    return key.toString();
  }

  private static String pad(int value, int width) {
    String text = Integer.toString(value);
    return "0".repeat(Math.max(0, width - text.length())) + text;
  }

  private static String safe(@Nullable String value, String fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    return UNSAFE.matcher(value).replaceAll("_");
  }

  @Override
  public String toString() {
    return template;
  }
}
