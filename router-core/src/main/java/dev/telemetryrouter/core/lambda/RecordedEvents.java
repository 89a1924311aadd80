package dev.telemetryrouter.core.lambda;

import dev.telemetryrouter.spi.FunctionContext;
import dev.telemetryrouter.spi.TelemetryRecord;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a file of recorded Telemetry or Logs API events into records, exactly as the intake would:
 * the same decoding, request-id correlation and own-line recognition. Used by the dry-run tool.
 *
 * <p>The file holds either one delivery body (a JSON array of {@code {time, type, record}}) or one
 * such object per line (JSON lines). Records get the ids {@code event-1}, {@code event-2}, ... in
 * file order.
 */
public final class RecordedEvents {

  /** The id prefix of recorded events; their ids read {@code event-<n>}. */
  public static final String ID_PREFIX = "event";

  /**
   * What a file held.
   *
   * @param records the records to route, in file order
   * @param ownLines the extension's own log lines, which the intake does not route
   * @param problems elements or lines that could not be read, each naming where
   */
  public record Decoded(
      List<TelemetryRecord> records, List<TelemetryRecord> ownLines, List<String> problems) {

    public Decoded {
      records = List.copyOf(records);
      ownLines = List.copyOf(ownLines);
      problems = List.copyOf(problems);
    }
  }

  private RecordedEvents() {}

  /**
   * Decodes {@code content}.
   *
   * @param routeOwnLogs {@code extension.route_own_logs}: when true, own lines are routed too
   */
  public static Decoded decode(
      byte[] content, FunctionContext function, InstantSource clock, boolean routeOwnLogs) {
    RecordAssembler assembler = new RecordAssembler(function, ID_PREFIX, clock);
    OwnLines own = new OwnLines();
    List<TelemetryRecord> records = new ArrayList<>();
    List<TelemetryRecord> ownLines = new ArrayList<>();
    List<String> problems = new ArrayList<>();

    for (Body body : bodies(content)) {
      DeliveryDecoder.Result result = new DeliveryDecoder().decode(body.bytes());
      if (result.malformed()) {
        problems.add(body.where() + ": not readable to its end (" + result.error() + ")");
      }
      if (result.skippedElements() > 0) {
        problems.add(
            body.where()
                + ": "
                + result.skippedElements()
                + " element(s) skipped, expected objects with a text \"type\"");
      }
      for (PlatformEvent event : result.events()) {
        TelemetryRecord record = assembler.assemble(event);
        (own.isOwn(record) && !routeOwnLogs ? ownLines : records).add(record);
      }
    }
    return new Decoded(records, ownLines, problems);
  }

  private record Body(String where, byte[] bytes) {}

  /** The whole file when it starts with '[', else one single-element array per non-blank line. */
  private static List<Body> bodies(byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    if (text.strip().startsWith("[")) {
      return List.of(new Body("the file", content));
    }
    List<Body> bodies = new ArrayList<>();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.isEmpty()) {
        String array = "[" + line + "]";
        bodies.add(new Body("line " + (i + 1), array.getBytes(StandardCharsets.UTF_8)));
      }
    }
    return bodies;
  }
}
