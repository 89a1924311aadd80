package dev.telemetryrouter.sink.testkit;

import dev.telemetryrouter.spi.sink.RecordEncoding;
import dev.telemetryrouter.spi.sink.SinkContext;
import dev.telemetryrouter.spi.sink.SinkLimits;
import dev.telemetryrouter.spi.sink.SinkProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Runs the whole contract against {@link InMemorySink}, every optional hook supplied. */
class InMemorySinkContractTest extends SinkContractTest {

  private static final SinkLimits LIMITS = new SinkLimits(50, 64 * 1024, 8 * 1024, 1, 2);

  private final List<String> store = new ArrayList<>();
  private @Nullable InMemorySink last;

  @Override
  protected SinkProvider provider() {
    return new SinkProvider() {
      @Override
      public String type() {
        return "memory";
      }

      @Override
      public InMemorySink create(SinkContext context) {
        context.config().optionalString("endpoint");
        RecordEncoding encoding =
            RecordEncoding.valueOf(
                context.config().choice("encoding", "JSON", List.of("JSON", "MESSAGE")));
        last = new InMemorySink(LIMITS, encoding, store);
        return last;
      }
    };
  }

  @Override
  protected Map<String, Object> options() {
    return Map.of("encoding", "json");
  }

  @Override
  protected boolean registeredWithServiceLoader() {
    return false;
  }

  @Override
  protected List<String> received() {
    return List.copyOf(store);
  }

  @Override
  protected Map<String, Object> unroutableOptions() {
    return Map.of("endpoint", "http://127.0.0.1:9");
  }

  @Override
  protected void failRecordsOnNextSend(Set<Integer> indices) {
    Objects.requireNonNull(last, "no sink created yet").failNext(indices);
  }

  @Override
  protected void failWholeNextSend() {
    Objects.requireNonNull(last, "no sink created yet").failWholeNext();
  }
}
