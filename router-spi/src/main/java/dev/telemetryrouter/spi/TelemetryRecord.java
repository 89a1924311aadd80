package dev.telemetryrouter.spi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One log line or telemetry event, as it travels from the intake through stages to sinks.
 *
 * <p>A record has its own parts: the event {@link #time()}, its {@link #type()} ({@code function},
 * {@code extension}, {@code platform.start}, ...), an {@link #id()} that stays the same through
 * every retry, the {@link #function()} it came from, and the raw {@link #payload()} exactly as
 * Lambda delivered it: a {@link String} for text-format logs or a {@code Map<String, Object>} for
 * JSON-format logs and platform events. Beside them it carries named {@link #fields()}: the derived
 * ones ({@value #REQUEST_ID}, {@value #LEVEL}, {@value #MESSAGE}) and any a stage added.
 *
 * <p>Values in the payload and fields are JSON-shaped: {@link String}, {@link Boolean}, {@link
 * java.math.BigDecimal} (numbers are read as decimals, never as floats), {@link List}, {@code
 * Map<String, Object>}, or {@code null} for a JSON null.
 *
 * <p>Records are immutable and safe to share between threads and sinks. The {@code with...} methods
 * return a new record; maps and lists passed in are copied and must not hold cycles.
 */
public final class TelemetryRecord {

  /** Field holding the Lambda request id, derived from platform events or by correlation. */
  public static final String REQUEST_ID = "requestId";

  /** Field holding the log level, upper case ({@code INFO}, {@code ERROR}, ...), when known. */
  public static final String LEVEL = "level";

  /** Field holding the log message text, when it can be known. */
  public static final String MESSAGE = "message";

  private final Instant time;
  private final String type;
  private final String id;
  private final FunctionContext function;
  private final Object payload;
  private final Map<String, @Nullable Object> fields;

  private TelemetryRecord(
      Instant time,
      String type,
      String id,
      FunctionContext function,
      Object payload,
      Map<String, @Nullable Object> fields) {
    this.time = Objects.requireNonNull(time, "time");
    this.type = Objects.requireNonNull(type, "type");
    this.id = Objects.requireNonNull(id, "id");
    this.function = Objects.requireNonNull(function, "function");
    this.payload = Objects.requireNonNull(payload, "payload");
    this.fields = fields;
  }

  /** Starts a record of {@code type} at {@code time} with the given raw payload. */
  public static Builder builder(Instant time, String type, Object payload) {
    return new Builder(time, type, payload);
  }

  /** When the platform generated the event (the Telemetry API {@code time}). */
  public Instant time() {
    return time;
  }

  /** The event type, such as {@code function} or {@code platform.report}. */
  public String type() {
    return type;
  }

  /** A stable identity for this record, kept across retries so receivers can drop duplicates. */
  public String id() {
    return id;
  }

  /** The function this record came from. */
  public FunctionContext function() {
    return function;
  }

  /** The raw payload: a {@link String} or an unmodifiable {@code Map<String, Object>}. */
  public Object payload() {
    return payload;
  }

  /** The payload when it is a JSON object, else {@code null}. */
  @SuppressWarnings("unchecked")
  public @Nullable Map<String, @Nullable Object> payloadObject() {
    return payload instanceof Map<?, ?> map ? (Map<String, @Nullable Object>) map : null;
  }

  /** The fields, derived and added, in insertion order; unmodifiable. */
  public Map<String, @Nullable Object> fields() {
    return fields;
  }

  /** The request id field, or {@code null} when it is not known. */
  public @Nullable String requestId() {
    return stringField(REQUEST_ID);
  }

  /** The level field, or {@code null} when it is not known. */
  public @Nullable String level() {
    return stringField(LEVEL);
  }

  /** The message field, or {@code null} when it is not known. */
  public @Nullable String message() {
    return stringField(MESSAGE);
  }

  /**
   * The value at {@code path}, or {@code null} when there is none. {@code time} reads as the
   * ISO-8601 text, {@code record} as the payload, {@code function.*} as the context's parts ({@code
   * name}, {@code version}, {@code region}, {@code memoryMb}, {@code accountId}).
   */
  public @Nullable Object get(FieldPath path) {
    Object root =
        switch (path.head()) {
          case "time" -> time.toString();
          case "type" -> type;
          case "id" -> id;
          case "record" -> payload;
          case "function" -> functionAsMap();
          default -> fields.get(path.head());
        };
    return descend(root, path.tail());
  }

  /** {@link #get(FieldPath)} rendered as text: strings as they are, other values by toString. */
  public @Nullable String getText(FieldPath path) {
    Object value = get(path);
    return value == null ? null : value.toString();
  }

  /**
   * A copy with {@code value} at {@code path}, creating intermediate objects as needed. Paths under
   * {@code record} change the payload when it is a JSON object. The record's own parts {@code
   * time}, {@code type}, {@code id} and {@code function} cannot be set this way.
   *
   * @throws IllegalArgumentException when the path names a read-only part, or descends into a value
   *     that is not an object (a text payload, say)
   */
  public TelemetryRecord with(FieldPath path, @Nullable Object value) {
    return switch (path.head()) {
      case "time", "type", "id", "function" ->
          throw new IllegalArgumentException("'" + path + "' is read-only");
      case "record" -> {
        if (path.tail().isEmpty()) {
          yield toBuilder().payload(Objects.requireNonNull(value, "payload")).build();
        }
        Map<String, @Nullable Object> object = payloadObject();
        if (object == null) {
          throw new IllegalArgumentException("'" + path + "': the record payload is text");
        }
        yield toBuilder().payload(put(object, path.tail(), value, path)).build();
      }
      default -> new TelemetryRecord(time, type, id, function, payload, put(fields, path, value));
    };
  }

  /** A copy without the value at {@code path}; the same record when there is none. */
  public TelemetryRecord without(FieldPath path) {
    if (get(path) == null && !containsPath(path)) {
      return this;
    }
    if (path.head().equals("record")) {
      Map<String, @Nullable Object> object = payloadObject();
      if (object == null || path.tail().isEmpty()) {
        return this;
      }
      return toBuilder().payload(remove(object, path.tail())).build();
    }
    return switch (path.head()) {
      case "time", "type", "id", "function" -> this;
      default ->
          new TelemetryRecord(time, type, id, function, payload, remove(fields, path.segments()));
    };
  }

  /** A builder that starts from this record. */
  public Builder toBuilder() {
    Builder builder = new Builder(time, type, payload).id(id).function(function);
    builder.fields.putAll(fields);
    return builder;
  }

  private @Nullable String stringField(String name) {
    Object value = fields.get(name);
    return value == null ? null : value.toString();
  }

  private boolean containsPath(FieldPath path) {
    return path.segments().size() == 1 && fields.containsKey(path.head());
  }

  private Map<String, @Nullable Object> functionAsMap() {
    Map<String, @Nullable Object> map = new LinkedHashMap<>();
    map.put("name", function.name());
    map.put("version", function.version());
    map.put("region", function.region());
    map.put("memoryMb", function.memoryMb());
    map.put("accountId", function.accountId());
    return map;
  }

  private static @Nullable Object descend(@Nullable Object root, List<String> segments) {
    Object current = root;
    for (String segment : segments) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(segment);
    }
    return current;
  }

  private static Map<String, @Nullable Object> put(
      Map<String, @Nullable Object> map, FieldPath path, @Nullable Object value) {
    return put(map, path.segments(), value, path);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> put(
      Map<String, @Nullable Object> map,
      List<String> segments,
      @Nullable Object value,
      FieldPath path) {
    Map<String, @Nullable Object> copy = new LinkedHashMap<>(map);
    String key = segments.getFirst();
    if (segments.size() == 1) {
      copy.put(key, freeze(value));
      return Collections.unmodifiableMap(copy);
    }
    Object child = copy.get(key);
    if (child != null && !(child instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(
          "'" + path + "': '" + key + "' holds a value, not an object");
    }
    Map<String, @Nullable Object> childMap =
        child == null ? Map.of() : (Map<String, @Nullable Object>) child;
    copy.put(key, put(childMap, segments.subList(1, segments.size()), value, path));
    return Collections.unmodifiableMap(copy);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> remove(
      Map<String, @Nullable Object> map, List<String> segments) {
    String key = segments.getFirst();
    if (!map.containsKey(key)) {
      return map;
    }
    Map<String, @Nullable Object> copy = new LinkedHashMap<>(map);
    if (segments.size() == 1) {
      copy.remove(key);
    } else if (copy.get(key) instanceof Map<?, ?> child) {
      copy.put(
          key, remove((Map<String, @Nullable Object>) child, segments.subList(1, segments.size())));
    }
    return Collections.unmodifiableMap(copy);
  }

  /** Deep, unmodifiable copy of a JSON-shaped value. */
  @SuppressWarnings("unchecked")
  static @Nullable Object freeze(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, @Nullable Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), freeze(v)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      List<@Nullable Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(freeze(v)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  @Override
  public String toString() {
    // Record contents stay out of logs (style: never log contents without a debug switch).
    return "TelemetryRecord[type=" + type + ", time=" + time + ", id=" + id + "]";
  }

  /** Assembles a {@link TelemetryRecord}. Not thread-safe. */
  public static final class Builder {
    private Instant time;
    private String type;
    private Object payload;
    private String id = "";
    private FunctionContext function = FunctionContext.UNKNOWN;
    private Map<String, @Nullable Object> fields = new LinkedHashMap<>();

    /**
     * Whether {@link #build} handed {@link #fields} to a record. The map is then the record's (seen
     * only through an unmodifiable view) and a later change here copies it first: a builder is
     * mostly built once, and copying the map on every build was a tenth of what the intake
     * allocated per log line.
     */
    private boolean fieldsShared;

    private Builder(Instant time, String type, Object payload) {
      this.time = time;
      this.type = type;
      this.payload = payload;
    }

    public Builder time(Instant time) {
      this.time = time;
      return this;
    }

    public Builder type(String type) {
      this.type = type;
      return this;
    }

    /** A String, or a JSON object as a {@code Map}; maps are copied deeply. */
    public Builder payload(Object payload) {
      this.payload = payload;
      return this;
    }

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder function(FunctionContext function) {
      this.function = function;
      return this;
    }

    /** Sets a field; {@code null} removes it. */
    public Builder field(String name, @Nullable Object value) {
      if (fieldsShared) {
        fields = new LinkedHashMap<>(fields);
        fieldsShared = false;
      }
      if (value == null) {
        fields.remove(name);
      } else {
        fields.put(name, freeze(value));
      }
      return this;
    }

    public TelemetryRecord build() {
      Object frozenPayload = payload instanceof Map<?, ?> ? freeze(payload) : payload;
      TelemetryRecord record =
          new TelemetryRecord(
              time,
              type,
              id,
              function,
              Objects.requireNonNull(frozenPayload, "payload"),
              Collections.unmodifiableMap(fields));
      fieldsShared = true;
      return record;
    }
  }
}
