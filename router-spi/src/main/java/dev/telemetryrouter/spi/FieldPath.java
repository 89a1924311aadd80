package dev.telemetryrouter.spi;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A dotted path to a value in a {@link TelemetryRecord}, such as {@code requestId}, {@code
 * record.level} or {@code function.name}. Parse a path once, when a stage or sink is created, and
 * reuse it for every record.
 *
 * <p>The first segment picks the namespace: {@code time}, {@code type}, {@code id}, {@code
 * function} and {@code record} (the raw payload) are the record's own parts; any other name is a
 * field, derived ({@code requestId}, {@code level}, {@code message}) or added by a stage.
 */
public final class FieldPath {

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_@$\\-]+");

  private final String text;
  private final List<String> segments;

  private FieldPath(String text, List<String> segments) {
    this.text = text;
    this.segments = segments;
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException when the text is empty or a segment is empty or holds
   *     characters other than letters, digits, {@code _}, {@code -}, {@code @} and {@code $}; the
   *     message names the text and the rule, ready for a configuration error
   */
  public static FieldPath parse(String text) {
    Objects.requireNonNull(text, "text");
    List<String> segments = List.of(text.split("\\.", -1));
    for (String segment : segments) {
      if (!SEGMENT.matcher(segment).matches()) {
        throw new IllegalArgumentException(
            "'"
                + text
                + "' is not a field path: expected names of letters, digits, _ or -"
                + " joined by dots, such as record.level");
      }
    }
    return new FieldPath(text, segments);
  }

  /** The segments, first to last; never empty. */
  public List<String> segments() {
    return segments;
  }

  /** The first segment. */
  public String head() {
    return segments.getFirst();
  }

  /** The path without its first segment, or an empty list when it has one segment. */
  public List<String> tail() {
    return segments.subList(1, segments.size());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FieldPath path && path.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
