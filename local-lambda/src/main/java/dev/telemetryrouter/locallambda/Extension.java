package dev.telemetryrouter.locallambda;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A registered extension: its identity, the events it takes, its place in the current phase and its
 * timings. Every field is guarded by the {@link Sandbox} lock.
 */
final class Extension {

  /**
   * States named as the reference emulator names them (aws/aws-lambda-runtime-interface-emulator,
   * internal/lambda/core/agent_state_names.go).
   */
  enum State {
    REGISTERED("Registered"),
    READY("Ready"),
    RUNNING("Running"),
    INIT_ERROR("InitError"),
    EXIT_ERROR("ExitError"),
    EXITED("Exited");

    private final String label;

    State(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  final String name;
  final String id;
  final List<String> events;
  final boolean internal;
  final @Nullable ExtensionProcess process;
  final Instant registeredAt;

  State state = State.REGISTERED;
  @Nullable Instant firstNextAt;
  @Nullable Instant lastNextAt;

  /** True from a /next call until an event is handed out: the extension is done with the phase. */
  boolean waiting;

  Dialect.@Nullable Api subscribedApi;
  @Nullable String errorType;
  final Deque<Map<String, Object>> pending = new ArrayDeque<>();

  Extension(
      String name,
      String id,
      List<String> events,
      boolean internal,
      @Nullable ExtensionProcess process,
      Instant registeredAt) {
    this.name = name;
    this.id = id;
    this.events = events;
    this.internal = internal;
    this.process = process;
    this.registeredAt = registeredAt;
  }

  boolean takes(String eventType) {
    return events.contains(eventType);
  }

  /** Gone for good: it exited or reported an init or exit error. */
  boolean finished() {
    return state == State.EXITED || state == State.INIT_ERROR || state == State.EXIT_ERROR;
  }

  /** Done with the current phase: waiting in /next, or finished. */
  boolean doneWithPhase() {
    return (waiting && pending.isEmpty()) || finished();
  }
}
