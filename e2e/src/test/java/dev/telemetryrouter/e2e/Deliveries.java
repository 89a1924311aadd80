package dev.telemetryrouter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Checks on what a sink's destination holds, against the records the file sink wrote. */
final class Deliveries {

  private Deliveries() {}

  /**
   * Fails unless {@code held} holds every record of {@code reference} exactly once, by record id,
   * with the same content, and nothing else.
   */
  static void assertEveryRecordOnce(
      String sink,
      List<Map<String, @Nullable Object>> reference,
      List<Map<String, @Nullable Object>> held) {
    assertThat(held)
        .as("ids at sink %s", sink)
        .extracting(r -> r.get("id"))
        .doesNotHaveDuplicates();
    assertThat(byId(held)).as("records at sink %s", sink).isEqualTo(byId(reference));
  }

  /** The records by id, in their order. */
  static Map<@Nullable Object, Map<String, @Nullable Object>> byId(
      List<Map<String, @Nullable Object>> records) {
    Map<@Nullable Object, Map<String, @Nullable Object>> byId = new LinkedHashMap<>();
    records.forEach(r -> byId.put(r.get("id"), r));
    return byId;
  }

  /** The text of the function's log lines of one invocation, in the order held. */
  static List<String> functionLines(List<Map<String, @Nullable Object>> held, String requestId) {
    return held.stream()
        .filter(r -> "function".equals(r.get("type")))
        .filter(r -> Objects.equals(requestId, r.get("requestId")))
        .map(r -> (String) r.get("record"))
        .toList();
  }
}
