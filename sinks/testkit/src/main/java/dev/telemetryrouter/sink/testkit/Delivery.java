package dev.telemetryrouter.sink.testkit;

import dev.telemetryrouter.spi.sink.RecordOutcome;
import java.util.List;
import java.util.Map;

/**
 * The settled outcome of a batch after {@link SinkContractHooks#deliverWithRetries}.
 *
 * @param outcomes each record's last outcome, by record id, in batch order
 * @param sends how many sends it took, the first included
 */
public record Delivery(Map<String, RecordOutcome> outcomes, int sends) {

  public Delivery {
    outcomes = Map.copyOf(outcomes);
  }

  /** The ids of records the destination accepted. */
  public List<String> delivered() {
    return idsOf(RecordOutcome.Delivered.class);
  }

  /** The ids of records the destination rejected for good. */
  public List<String> rejected() {
    return idsOf(RecordOutcome.Rejected.class);
  }

  private List<String> idsOf(Class<? extends RecordOutcome> kind) {
    return outcomes.entrySet().stream()
        .filter(entry -> kind.isInstance(entry.getValue()))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }
}
