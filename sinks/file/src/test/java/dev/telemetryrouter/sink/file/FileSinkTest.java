package dev.telemetryrouter.sink.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.sink.testkit.BatchFactory;
import dev.telemetryrouter.sink.testkit.FakeClock;
import dev.telemetryrouter.sink.testkit.TestSinkContext;
import dev.telemetryrouter.spi.sink.OutgoingRecord;
import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.SendContext;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkBatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {

  @TempDir Path temp;

  private final FakeClock clock = new FakeClock();
  private final FileSinkProvider provider = new FileSinkProvider();
  private final List<Sink> created = new ArrayList<>();

  @AfterEach
  void closeSinks() {
    created.forEach(Sink::close);
  }

  @Test
  void send_intoMissingDirectory_createsItAndNamesFileByUtcStartAndSequence() throws Exception {
    Path directory = temp.resolve("a/b/out");
    Sink sink = create(Map.of("directory", directory.toString()));
    BatchFactory factory = BatchFactory.forSink(sink, clock);

    send(sink, factory.batch(factory.records(3, "hello")));

    assertThat(OutputFiles.files(directory))
        .extracting(path -> path.getFileName().toString())
        .containsExactly("telemetry-20260102T030405Z-000001.jsonl");
    assertThat(OutputFiles.lines(directory)).hasSize(3).allMatch(line -> line.startsWith("{"));
  }

  @Test
  void send_linesFillingFileExactly_rotateOnlyForTheNextLine() throws Exception {
    Sink sink = create(Map.of("directory", temp.toString(), "max_file_bytes", "1KiB"));
    BatchFactory factory = BatchFactory.forSink(sink, clock);
    List<OutgoingRecord> records =
        List.of(cost(factory, 512), cost(factory, 512), cost(factory, 300));

    send(sink, factory.batch(records));

    assertThat(OutputFiles.files(temp)).hasSize(2);
    assertThat(Files.size(OutputFiles.files(temp).get(0))).isEqualTo(1024);
    assertThat(Files.size(OutputFiles.files(temp).get(1))).isEqualTo(300);
  }

  @Test
  void send_lineOneByteOverFile_goesToNewFileEvenAcrossBatches() throws Exception {
    Sink sink = create(Map.of("directory", temp.toString(), "max_file_bytes", "1KiB"));
    BatchFactory factory = BatchFactory.forSink(sink, clock);
    send(sink, factory.batch(List.of(cost(factory, 511))));
    clock.advance(Duration.ofSeconds(61));

    send(sink, factory.batch(List.of(cost(factory, 514))));

    assertThat(OutputFiles.files(temp))
        .extracting(path -> path.getFileName().toString())
        .containsExactly(
            "telemetry-20260102T030405Z-000001.jsonl", "telemetry-20260102T030506Z-000002.jsonl");
    assertThat(Files.size(OutputFiles.files(temp).get(0))).isEqualTo(511);
  }

  @Test
  void send_withMaxFiles_keepsOnlyTheNewestFiles() throws Exception {
    Sink sink =
        create(Map.of("directory", temp.toString(), "max_file_bytes", "1KiB", "max_files", 2));
    BatchFactory factory = BatchFactory.forSink(sink, clock);
    List<OutgoingRecord> records =
        List.of(cost(factory, 1024), cost(factory, 1024), cost(factory, 1024), cost(factory, 1024));

    send(sink, factory.batch(records));

    assertThat(OutputFiles.files(temp))
        .extracting(path -> path.getFileName().toString())
        .containsExactly(
            "telemetry-20260102T030405Z-000003.jsonl", "telemetry-20260102T030405Z-000004.jsonl");
    assertThat(OutputFiles.lines(temp))
        .containsExactly(
            BatchFactory.dataText(records.get(2)), BatchFactory.dataText(records.get(3)));
  }

  @Test
  void send_whenFileNameIsTaken_skipsToNextSequence() throws Exception {
    Files.writeString(temp.resolve("telemetry-20260102T030405Z-000001.jsonl"), "other\n");
    Sink sink = create(Map.of("directory", temp.toString()));
    BatchFactory factory = BatchFactory.forSink(sink, clock);

    send(sink, factory.batch(factory.records(1, "mine")));

    assertThat(Files.readString(temp.resolve("telemetry-20260102T030405Z-000001.jsonl")))
        .isEqualTo("other\n");
    assertThat(temp.resolve("telemetry-20260102T030405Z-000002.jsonl")).exists();
  }

  @Test
  void create_withDirectoryUnderRegularFile_recordsProblemOnDirectory() throws Exception {
    Path file = Files.writeString(temp.resolve("plain.txt"), "x");
    TestSinkContext context =
        TestSinkContext.of("local", Map.of("directory", file.resolve("out").toString()));

    provider.create(context).close();

    assertThat(context.problemLines())
        .containsExactly(
            "sinks.local.directory: '"
                + file.resolve("out")
                + "' is not valid: expected a directory; "
                + file
                + ", a parent of it, exists and is not a directory");
  }

  @Test
  void create_withBadSizes_recordsProblemsForEachKey() {
    TestSinkContext context =
        TestSinkContext.of(
            "local",
            Map.of("directory", temp.toString(), "max_file_bytes", "12 parsecs", "max_files", -1));

    provider.create(context).close();

    assertThat(context.config().problems())
        .extracting(problem -> problem.path())
        .containsExactly("sinks.local.max_file_bytes", "sinks.local.max_files");
  }

  @Test
  void send_whenDirectoryCannotBeCreated_reportsRetryableThenRecovers() throws Exception {
    Path directory = temp.resolve("out");
    Sink sink = create(Map.of("directory", directory.toString()));
    BatchFactory factory = BatchFactory.forSink(sink, clock);
    SinkBatch batch = factory.batch(factory.records(2, "blocked"));
    Files.writeString(directory, "in the way");

    SendResult blocked = send(sink, batch);
    Files.delete(directory);
    SendResult retried = send(sink, factory.retry(batch, List.of(0, 1)));

    assertThat(blocked.outcomes())
        .containsOnly(RecordOutcome.retryable("io_error:FileAlreadyExistsException"));
    assertThat(retried.outcomes()).containsOnly(RecordOutcome.DELIVERED);
    assertThat(OutputFiles.lines(directory)).hasSize(2);
  }

  @Test
  void limits_withSmallFiles_capRecordAtFileSize() {
    Sink sink = create(Map.of("directory", temp.toString(), "max_file_bytes", "1KiB"));

    assertThat(sink.limits().maxBytesPerRecord()).isEqualTo(1024);
    assertThat(sink.limits().recordOverheadBytes()).isEqualTo(1);
  }

  /**
   * Runs up to 256 KiB share one buffer the sink keeps and larger ones get their own: a short run
   * after a long one must not carry the long one's tail, and every file must hold exactly its
   * lines, however the batches split across rotation.
   */
  @Test
  void send_runsAboveAndBelowTheKeptBufferAcrossRotation_writeEveryByteOnceInOrder()
      throws Exception {
    Sink sink = create(Map.of("directory", temp.toString(), "max_file_bytes", "600KiB"));
    BatchFactory factory = BatchFactory.forSink(sink, clock);
    List<List<OutgoingRecord>> batches =
        List.of(
            factory.records(100, "small"),
            factory.recordsOfTotalCost(100, 300 * 1024),
            factory.records(3, "tiny"),
            factory.recordsOfTotalCost(100, 250 * 1024),
            factory.recordsOfTotalCost(60, 900 * 1024),
            factory.records(100, "after the large runs"),
            List.of(cost(factory, 200 * 1024), cost(factory, 300), cost(factory, 500 * 1024)),
            factory.records(1, "last"));

    for (List<OutgoingRecord> records : batches) {
      assertThat(send(sink, factory.batch(records)).outcomes())
          .containsOnly(RecordOutcome.DELIVERED);
    }

    List<Path> files = OutputFiles.files(temp);
    assertThat(files).hasSizeGreaterThan(3);
    for (Path file : files) {
      assertThat(Files.size(file)).isLessThanOrEqualTo(600 * 1024);
    }
    assertThat(concatenated(files)).isEqualTo(withNewlines(batches));
  }

  @Test
  void send_manySmallBatches_writeEveryLineByteExact() throws Exception {
    Sink sink = create(Map.of("directory", temp.toString(), "max_file_bytes", "64KiB"));
    BatchFactory factory = BatchFactory.forSink(sink, clock);
    List<List<OutgoingRecord>> batches = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      batches.add(factory.records(1 + i * 7 % 100, "é".repeat(i * 31 % 400)));
    }

    for (List<OutgoingRecord> records : batches) {
      send(sink, factory.batch(records));
    }

    byte[] written = concatenated(OutputFiles.files(temp));
    assertThat(OutputFiles.files(temp)).hasSizeGreaterThan(1);
    assertThat(written).isEqualTo(withNewlines(batches));
  }

  private static byte[] withNewlines(List<List<OutgoingRecord>> batches) {
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    for (List<OutgoingRecord> batch : batches) {
      for (OutgoingRecord record : batch) {
        lines.writeBytes(record.data());
        lines.write('\n');
      }
    }
    return lines.toByteArray();
  }

  private static byte[] concatenated(List<Path> files) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (Path file : files) {
      all.writeBytes(Files.readAllBytes(file));
    }
    return all.toByteArray();
  }

  private Sink create(Map<String, Object> options) {
    TestSinkContext context =
        TestSinkContext.builder("local").options(options).clock(clock).build();
    Sink sink = provider.create(context);
    created.add(sink);
    assertThat(context.problemLines()).isEmpty();
    return sink;
  }

  private SendResult send(Sink sink, SinkBatch batch) throws Exception {
    return sink.send(batch, new SendContext(clock.instant().plusSeconds(10), 0, clock));
  }

  private static OutgoingRecord cost(BatchFactory factory, int lineBytes) {
    return factory.recordOfCost(lineBytes);
  }
}
