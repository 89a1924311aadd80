package dev.telemetryrouter.core.engine;

import java.util.Map;

/**
 * Every record the engine has seen, accounted for.
 *
 * <p>For the pipeline: {@code received = routed + dropped (by reason)}, where a routed record went
 * to at least one sink's route and one that no route accepted counts as dropped under {@code
 * unrouted}. For each sink: {@code received = delivered + dropped + deadLettered + pending}.
 *
 * @param pipelineReceived records that entered the shared pipeline
 * @param pipelineDropped records the shared pipeline dropped, by reason
 * @param sinks per sink name, in plan order
 */
public record Accounts(
    long pipelineReceived, Map<String, Long> pipelineDropped, Map<String, SinkAccounts> sinks) {

  /**
   * One sink's accounts.
   *
   * @param received records its route accepted (after its stages, those its stages dropped count as
   *     dropped), and records read back from its dead-letter spill file ({@code replayed})
   * @param delivered records the destination accepted
   * @param retried retry sends of records (one record retried twice counts 2)
   * @param dropped records dropped, by reason ({@code buffer_full_oldest}, {@code filter:level},
   *     ...)
   * @param deadLettered records handed to the dead-letter path (spilled or another sink)
   * @param pending records buffered or in flight now
   * @param deliveredBytes encoded bytes delivered
   * @param replayed records read back from the dead-letter spill file (written by this process or
   *     by an earlier one in the same sandbox) and offered to the sink again; they count in {@code
   *     received} too, and one that fails again and stays in the file counts as dead-lettered
   *     again. So across processes, records from the function = the sum of (received - replayed),
   *     and the sum of (deadLettered - replayed) is what the file still holds (for a spill without
   *     a dead-letter sink)
   */
  public record SinkAccounts(
      long received,
      long delivered,
      long retried,
      Map<String, Long> dropped,
      long deadLettered,
      long pending,
      long deliveredBytes,
      long replayed) {

    /** Accounts of a sink that replayed nothing. */
    public SinkAccounts(
        long received,
        long delivered,
        long retried,
        Map<String, Long> dropped,
        long deadLettered,
        long pending,
        long deliveredBytes) {
      this(received, delivered, retried, dropped, deadLettered, pending, deliveredBytes, 0);
    }

    public long droppedTotal() {
      return dropped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** {@code received == delivered + dropped + deadLettered + pending}. */
    public boolean balanced() {
      return received == delivered + droppedTotal() + deadLettered + pending;
    }
  }
}
