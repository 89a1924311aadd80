package dev.telemetryrouter.sink.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.MockResponse;

/**
 * Plays an Elasticsearch {@code _bulk} endpoint: reads action and source line pairs, answers one
 * item per pair in order, and keeps the sources it accepted. Item statuses can be scripted per
 * position for the next request; a document id seen before answers 409 under {@code create}.
 */
final class BulkResponder implements Function<String, MockResponse> {

  private final List<String> accepted = new CopyOnWriteArrayList<>();
  private final Set<String> ids = ConcurrentHashMap.newKeySet();
  private volatile Map<Integer, Integer> nextStatuses = Map.of();

  /** Gives the items at these positions of the next request these statuses. */
  void failNext(Map<Integer, Integer> statuses) {
    this.nextStatuses = Map.copyOf(statuses);
  }

  List<String> accepted() {
    return List.copyOf(accepted);
  }

  @Override
  public MockResponse apply(String body) {
    Map<Integer, Integer> statuses = nextStatuses;
    nextStatuses = Map.of();
    String[] lines = body.split("\n", -1);
    List<String> items = new ArrayList<>();
    boolean errors = false;

    for (int i = 0; i + 1 < lines.length; i += 2) {
      String id = lines[i].replaceAll(".*\"_id\":\"([^\"]*)\".*", "$1");
      int status = statuses.getOrDefault(i / 2, ids.contains(id) ? 409 : 201);
      if (status == 201) {
        ids.add(id);
        accepted.add(lines[i + 1]);
      }
      errors |= status >= 300;
      items.add(item(id, status));
    }

    String answer =
        "{\"took\":3,\"errors\":" + errors + ",\"items\":[" + String.join(",", items) + "]}";
    return new MockResponse.Builder().code(200).body(answer).build();
  }

  private static String item(String id, int status) {
    String error =
        status >= 300
            ? ",\"error\":{\"type\":\"test_error_" + status + "\",\"reason\":\"scripted\"}"
            : "";
    return "{\"create\":{\"_index\":\"logs\",\"_id\":\""
        + id
        + "\",\"status\":"
        + status
        + error
        + "}}";
  }
}
