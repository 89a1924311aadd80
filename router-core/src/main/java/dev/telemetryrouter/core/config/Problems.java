package dev.telemetryrouter.core.config;

import dev.telemetryrouter.spi.config.Secret;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Collects every problem of one load, and renders them with secrets masked. Rendering happens at
 * the end, so a secret read after a problem was recorded is still masked in it.
 *
 * <p>Masked are: values read as {@link Secret}; values at a key whose name suggests a credential
 * (token, password, secret, authorization, api key, ...); and any text equal to a secret's value
 * wherever it appears in a line.
 *
 * <p>A key whose {@code ${VAR}} could not be resolved holds whatever interpolation left in the
 * reference's place, usually empty text. Checks of that value would report a value nobody wrote (an
 * empty URL read as {@code '/'}, say), so only the interpolation problem is listed for that key;
 * the value is checked when the file is loaded again with the variable set.
 */
public final class Problems {

  /** Key names whose values are treated as secrets even when a plugin did not read them so. */
  private static final Pattern SECRET_KEY =
      Pattern.compile(
          "(?i).*(token|passw|secret|authorization|api[_-]?key|credential|private[_-]?key"
              + "|hash_key|cookie).*");

  /** Rendered values are cut to this many characters, so one line stays readable. */
  private static final int MAX_VALUE_CHARS = 80;

  /** Secrets at least this long are also masked wherever their text appears in a line. */
  private static final int MIN_SCRUBBED_CHARS = 4;

  private record Entry(
      String path,
      @Nullable Object value,
      String expectation,
      boolean verbatim,
      boolean unresolved) {}

  /** A value the loader described in words, shown as it is rather than quoted as text. */
  private record Described(String words) {}

  private final List<Entry> entries = new ArrayList<>();
  private final Set<String> secrets = new LinkedHashSet<>();

  /** Records a problem at {@code path}. */
  public void add(String path, @Nullable Object value, String expectation) {
    entries.add(new Entry(path, value, expectation, false, false));
  }

  /**
   * Records a {@code ${...}} at {@code path} that interpolation could not resolve; other problems
   * at {@code path} are then left out (see the class note).
   *
   * @param value the reference as written, or the whole text when {@code verbatim} is false
   * @param verbatim whether {@code value} is the reference alone, which holds no secret and is
   *     shown even at a key whose value would be masked
   */
  void addUnresolved(String path, String value, String expectation, boolean verbatim) {
    entries.add(new Entry(path, value, expectation, verbatim, true));
  }

  /**
   * Records a problem whose value is the loader's own description of what it found (such as a YAML
   * syntax error), shown without quotes.
   */
  void addDescribed(String path, String description, String expectation) {
    entries.add(new Entry(path, new Described(description), expectation, true, false));
  }

  /** Remembers a secret so that its text is masked in every problem line. */
  public void addSecret(String value) {
    // Replacing a one- or two-letter secret everywhere would garble every line; such a value is
    // still masked at its own key.
    if (value.length() >= MIN_SCRUBBED_CHARS) {
      secrets.add(value);
    }
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public int size() {
    return listed().size();
  }

  /** The problems rendered, in the order recorded. */
  public List<Problem> list() {
    List<Entry> listed = listed();
    List<Problem> rendered = new ArrayList<>(listed.size());
    for (Entry entry : listed) {
      boolean masked = !entry.verbatim() && isSecretPath(entry.path());
      String shown = masked ? mask(entry.value()) : describe(entry.value());
      rendered.add(new Problem(scrub(entry.path()), scrub(shown), scrub(entry.expectation())));
    }
    return rendered;
  }

  /** The entries to list: all but the checks of a value whose {@code ${VAR}} was unresolved. */
  private List<Entry> listed() {
    Set<String> unresolvedPaths = new HashSet<>();
    entries.stream().filter(Entry::unresolved).forEach(entry -> unresolvedPaths.add(entry.path()));
    return entries.stream()
        .filter(entry -> entry.unresolved() || !unresolvedPaths.contains(entry.path()))
        .toList();
  }

  /** Whether the last segment of {@code path} names a credential. */
  static boolean isSecretPath(String path) {
    int dot = path.lastIndexOf('.');
    String last = dot < 0 ? path : path.substring(dot + 1);
    return SECRET_KEY.matcher(last).matches();
  }

  /** A value as a person reads it in one line: text quoted, collections named. */
  static String describe(@Nullable Object value) {
    return switch (value) {
      case null -> "(missing)";
      case Secret secret -> secret.toString();
      case Described described -> described.words();
      case String text -> quote(text);
      case Map<?, ?> map -> "(a mapping)";
      case Collection<?> list -> "(a list)";
      default -> value.toString();
    };
  }

  private static String mask(@Nullable Object value) {
    if (value == null || value instanceof Map<?, ?> || value instanceof Collection<?>) {
      return describe(value);
    }
    return value instanceof Secret secret
        ? secret.toString()
        : new Secret(value.toString()).toString();
  }

  private static String quote(String text) {
    String oneLine = text.replace("\n", "\\n").replace("\r", "\\r");
    if (oneLine.length() > MAX_VALUE_CHARS) {
      oneLine = oneLine.substring(0, MAX_VALUE_CHARS - 3) + "...";
    }
    return "'" + oneLine + "'";
  }

  private String scrub(String line) {
    String result = line;
    for (String secret : secrets) {
      result = result.replace(secret, new Secret(secret).toString());
    }
    return result;
  }
}
