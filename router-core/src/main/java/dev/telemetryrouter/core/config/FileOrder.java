package dev.telemetryrouter.core.config;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The position of every key path in the order the file reads, so that problems found at different
 * times (a value when it is read, an unknown key only at the end) are listed top to bottom.
 */
final class FileOrder {

  private final Map<String, Integer> positions = new HashMap<>();

  FileOrder(Map<?, ?> root) {
    visit(root, "");
  }

  /**
   * {@code problems} sorted by the place of their path, or of its nearest enclosing key when the
   * path itself is absent (a missing key). Problems outside the file (the environment, plugins, a
   * missing top-level key) come first; ties keep the order found.
   */
  List<Problem> sort(List<Problem> problems) {
    return problems.stream().sorted(Comparator.comparingInt(p -> position(p.path()))).toList();
  }

  private int position(String path) {
    String current = path;
    while (!current.isEmpty()) {
      Integer position = positions.get(current);
      if (position != null) {
        return position;
      }
      int parentEnd = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
      current = current.substring(0, Math.max(0, parentEnd));
    }
    return -1;
  }

  private void visit(@Nullable Object node, String path) {
    positions.putIfAbsent(path, positions.size());
    if (node instanceof Map<?, ?> map) {
      map.forEach(
          (key, value) -> visit(value, path.isEmpty() ? String.valueOf(key) : path + "." + key));
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        visit(list.get(i), path + "[" + i + "]");
      }
    }
  }
}
