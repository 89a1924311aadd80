package dev.telemetryrouter.core.stage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A named pattern of sensitive text. {@code group} is the part to replace (0 for the whole match),
 * so a detector can require context it leaves in place, such as the word {@code Bearer}; {@code
 * accept} confirms a candidate (the Luhn check for card numbers); {@code mayMatch} is a cheap test
 * that is false only for text the pattern cannot match (no {@code @}, too few digits), so that most
 * log lines skip the regular expression: measured with the start-up harness, the built-in detectors
 * took two thirds of the intake's CPU on ordinary lines, most of it the e-mail pattern trying every
 * position of a line that holds no {@code @}.
 */
record Detector(
    String name, Pattern pattern, int group, Predicate<String> accept, Predicate<String> mayMatch) {

  /** The built-in detectors, in the order they are applied. */
  static final Map<String, Detector> BUILT_IN = builtIn();

  static Detector custom(String name, Pattern pattern) {
    return new Detector(name, pattern, 0, match -> true, text -> true);
  }

  private static Map<String, Detector> builtIn() {
    Detector jwt =
        new Detector(
            "jwt",
            // Header and payload are base64url of JSON objects, so both start with "eyJ" ({").
            // Group 1 is the token: the match starts where a run of token characters does and
            // commits to the run's first "eyJ" (whether one of them leads to a token depends only
            // on what follows the run), so a run of "eyJ-eyJ-..." is read once, not once per eyJ.
            Pattern.compile(
                "(?<![A-Za-z0-9_-])(?>[A-Za-z0-9_-]*?(?=\\beyJ))"
                    + "(eyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*)"),
            1,
            match -> true,
            text -> text.contains("eyJ"));
    Detector bearer =
        new Detector(
            "bearer_token",
            Pattern.compile("(?i)\\bbearer\\s+([A-Za-z0-9._~+/=-]{8,})"),
            1,
            match -> true,
            text -> containsIgnoringCase(text, "bearer"));
    Detector accessKey =
        new Detector(
            "aws_access_key_id",
            // IAM unique-id prefixes: AKIA (long-term keys) and ASIA (temporary keys), 20 chars.
            Pattern.compile("\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b"),
            0,
            match -> true,
            text -> text.contains("AKIA") || text.contains("ASIA"));
    Detector secretKey =
        new Detector(
            "aws_secret_key",
            // A secret access key is 40 base64 characters; alone that is too common a shape, so
            // it is only taken next to a name that says what it is.
            Pattern.compile(
                "(?i)(?:aws_?secret_?(?:access_?)?key|secret_?access_?key)[\"']?\\s*[:=]\\s*"
                    + "[\"']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])"),
            1,
            match -> true,
            text -> containsIgnoringCase(text, "secret"));
    Detector email =
        new Detector(
            "email",
            // Local part @ labels . a last label of 2+ letters, written so that long lines cost
            // little. java.util.regex repeats a group such as (?:\.label)* by recursion, a frame
            // per label: about 900 labels after an @ overflowed the layer's 512 KiB stack
            // (-Xss512k, layer/src/main/layer-config/jvm.options). A group of one character, with
            // ".." ruled out by a look-behind, repeats in a loop. A match starts where a run of
            // local-part characters does, or where the last match ended (\G): tried from every
            // position of a long run, as before, the run was read again from each.
            Pattern.compile(
                "(?:\\G|(?<![A-Za-z0-9._%+-]))[A-Za-z0-9._%+-]+@"
                    + "[A-Za-z0-9-]++(?:[A-Za-z0-9.-](?<!\\.\\.))*(?<!\\.)\\.[A-Za-z]{2,}"),
            0,
            match -> true,
            text -> text.indexOf('@') >= 0);
    Detector card =
        new Detector(
            "credit_card",
            // 13 to 19 digits, optionally grouped by spaces or dashes, as card numbers are printed.
            Pattern.compile("(?<![0-9])[0-9](?:[ -]?[0-9]){12,18}(?![0-9])"),
            0,
            Detector::passesLuhn,
            text -> digits(text, 13));
    Detector ipv4 =
        new Detector(
            "ipv4",
            Pattern.compile(
                "(?<![0-9.])(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
                    + "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?![0-9]|\\.[0-9])"),
            0,
            match -> true,
            text -> text.indexOf('.') >= 0 && digits(text, 4));
    List<Detector> ordered = List.of(jwt, bearer, accessKey, secretKey, email, card, ipv4);
    Map<String, Detector> byName = new LinkedHashMap<>();
    ordered.forEach(detector -> byName.put(detector.name(), detector));
    return Collections.unmodifiableMap(byName);
  }

  /** Whether {@code text} holds at least {@code count} ASCII digits. */
  static boolean digits(String text, int count) {
    int seen = 0;
    for (int i = 0; i < text.length() && seen < count; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        seen++;
      }
    }
    return seen >= count;
  }

  /** Whether {@code text} contains the ASCII {@code word} in any ASCII case, without copying it. */
  static boolean containsIgnoringCase(String text, String word) {
    // The (?i) patterns fold ASCII case only, so the first letter can be tested as two chars and
    // the comparison started only there: a region compare at every position was 9% of the
    // intake's CPU with redaction on.
    char lower = Character.toLowerCase(word.charAt(0));
    char upper = Character.toUpperCase(word.charAt(0));
    for (int i = 0; i + word.length() <= text.length(); i++) {
      char c = text.charAt(i);
      if ((c == lower || c == upper) && text.regionMatches(true, i, word, 0, word.length())) {
        return true;
      }
    }
    return false;
  }

  /** The Luhn checksum of the digits in {@code candidate}, ignoring spaces and dashes. */
  static boolean passesLuhn(String candidate) {
    int sum = 0;
    boolean doubled = false;
    for (int i = candidate.length() - 1; i >= 0; i--) {
      char c = candidate.charAt(i);
      if (c < '0' || c > '9') {
        continue;
      }
      int digit = c - '0';
      if (doubled) {
        digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      }
      sum += digit;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }
}
