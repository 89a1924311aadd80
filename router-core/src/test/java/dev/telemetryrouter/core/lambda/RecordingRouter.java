package dev.telemetryrouter.core.lambda;

import dev.telemetryrouter.core.engine.Accounts;
import dev.telemetryrouter.core.engine.FlushReport;
import dev.telemetryrouter.core.engine.RecordRouter;
import dev.telemetryrouter.spi.TelemetryRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** A router double: keeps what it was given and what it was asked, with the time limit asked. */
final class RecordingRouter implements RecordRouter {

  /** One flush request: which, until when, and how many records had been accepted by then. */
  record Flush(String kind, Instant deadline, int acceptedBefore) {}

  private final List<TelemetryRecord> accepted = new ArrayList<>();
  private final List<Flush> flushes = new ArrayList<>();
  private @Nullable Error endOfInvocationFailure;
  private @Nullable String failingMessage;
  private @Nullable Error acceptFailure;
  private Consumer<TelemetryRecord> onAccept = record -> {};

  /** Makes every later end-of-invocation flush throw this, as a failing JVM would. */
  synchronized void failEndOfInvocationWith(Error failure) {
    endOfInvocationFailure = failure;
  }

  /** Makes accepting a record whose message is {@code message} throw this, and keep nothing. */
  synchronized void failAcceptOf(String message, Error failure) {
    failingMessage = message;
    acceptFailure = failure;
  }

  /** Runs {@code action} on each record as it is accepted, before it is kept. */
  synchronized void onAccept(Consumer<TelemetryRecord> action) {
    onAccept = action;
  }

  @Override
  public synchronized void accept(TelemetryRecord record) {
    onAccept.accept(record);
    if (acceptFailure != null
        && record.message() != null
        && record.message().equals(failingMessage)) {
      throw acceptFailure;
    }
    accepted.add(record);
  }

  @Override
  public synchronized FlushReport flushAll(Instant deadline) {
    flushes.add(new Flush("flushAll", deadline, accepted.size()));
    return new FlushReport(Map.of());
  }

  @Override
  public synchronized FlushReport endOfInvocation(Instant deadline) {
    flushes.add(new Flush("endOfInvocation", deadline, accepted.size()));
    if (endOfInvocationFailure != null) {
      throw endOfInvocationFailure;
    }
    return new FlushReport(Map.of());
  }

  @Override
  public synchronized FlushReport shutdown(Instant deadline) {
    flushes.add(new Flush("shutdown", deadline, accepted.size()));
    return new FlushReport(Map.of());
  }

  @Override
  public synchronized Accounts accounts() {
    return new Accounts(accepted.size(), Map.of(), Map.of());
  }

  synchronized List<TelemetryRecord> accepted() {
    return List.copyOf(accepted);
  }

  synchronized List<Flush> flushes() {
    return List.copyOf(flushes);
  }
}
