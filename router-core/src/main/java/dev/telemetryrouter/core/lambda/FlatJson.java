package dev.telemetryrouter.core.lambda;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The string members at the top of one JSON object, read without Jackson: the register response is
 * the first JSON the extension reads, on the way from register to the end of its Init, and the
 * first Jackson parser initialises {@code BigDecimal} (its parser classes hold {@code BigDecimal}
 * constants), which JDK 25 does by squaring 5 up to 5^65536: 9 ms of that path, measured with the
 * start-up harness. Other members (numbers, literals, nested values) are checked for shape and
 * skipped; a later member of the same name replaces an earlier one, as {@link Json#parse} does.
 */
final class FlatJson {

  private final String text;
  private int at;

  private FlatJson(String text) {
    this.text = text;
  }

  /** The top-level string members of the object in {@code json}. */
  static Map<String, String> topLevelStrings(String json) throws IOException {
    FlatJson reader = new FlatJson(json);
    Map<String, String> strings = reader.object();
    reader.skipSpace();
    if (reader.at != json.length()) {
      throw reader.error("trailing content after the JSON value");
    }
    return strings;
  }

  private Map<String, String> object() throws IOException {
    skipSpace();
    expect('{');
    Map<String, String> strings = new LinkedHashMap<>();
    skipSpace();
    if (peek() == '}') {
      at++;
      return strings;
    }
    while (true) {
      skipSpace();
      expect('"');
      String name = string();
      skipSpace();
      expect(':');
      skipSpace();
      if (peek() == '"') {
        at++;
        strings.put(name, string());
      } else {
        strings.remove(name);
        skipValue();
      }
      skipSpace();
      char next = next();
      if (next == '}') {
        return strings;
      }
      if (next != ',') {
        throw error("expected ',' or '}'");
      }
    }
  }

  /** The rest of a string whose opening quote has been read. */
  private String string() throws IOException {
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw error("control character in a string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char escaped = next();
      switch (escaped) {
        case '"', '\\', '/' -> out.append(escaped);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> out.append(unicodeEscape());
        default -> throw error("bad escape \\" + escaped);
      }
    }
  }

  private char unicodeEscape() throws IOException {
    if (at + 4 > text.length()) {
      throw error("short \\u escape");
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(at++), 16);
      if (digit < 0) {
        throw error("bad \\u escape");
      }
      value = value * 16 + digit;
    }
    return (char) value;
  }

  /** Skips one value that is not a top-level string: an object, array, number or literal. */
  private void skipValue() throws IOException {
    char first = peek();
    if (first == '{' || first == '[') {
      skipNested();
      return;
    }
    if (first == '"') {
      at++;
      string();
      return;
    }
    int start = at;
    while (at < text.length() && isAtomChar(text.charAt(at))) {
      at++;
    }
    String atom = text.substring(start, at);
    if (!(atom.equals("true")
        || atom.equals("false")
        || atom.equals("null")
        || atom.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?"))) {
      throw error("unexpected value '" + atom + "'");
    }
  }

  private void skipNested() throws IOException {
    StringBuilder open = new StringBuilder();
    do {
      char c = next();
      switch (c) {
        case '{' -> open.append('}');
        case '[' -> open.append(']');
        case '}', ']' -> {
          if (open.isEmpty() || open.charAt(open.length() - 1) != c) {
            throw error("unbalanced '" + c + "'");
          }
          open.setLength(open.length() - 1);
        }
        case '"' -> string();
        default -> {
          // Members, separators and atoms inside a skipped value are not checked further.
        }
      }
    } while (!open.isEmpty());
  }

  private static boolean isAtomChar(char c) {
    return (c >= '0' && c <= '9')
        || (c >= 'a' && c <= 'z')
        || c == '-'
        || c == '+'
        || c == '.'
        || c == 'E';
  }

  private void skipSpace() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      at++;
    }
  }

  private char peek() throws IOException {
    if (at >= text.length()) {
      throw error("unexpected end of JSON input");
    }
    return text.charAt(at);
  }

  private char next() throws IOException {
    char c = peek();
    at++;
    return c;
  }

  private void expect(char wanted) throws IOException {
    if (next() != wanted) {
      throw error("expected '" + wanted + "'");
    }
  }

  private IOException error(String what) {
    return new IOException(what + " at offset " + Math.max(0, at - 1) + " of the JSON body");
  }
}
