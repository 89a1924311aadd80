package dev.telemetryrouter.sink.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.sink.testkit.FakeClock;
import dev.telemetryrouter.sink.testkit.TestSinkContext;
import dev.telemetryrouter.spi.sink.Sink;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The close line is for sinks that ran, not for one created only to validate a configuration. */
class FileSinkCloseLogTest {

  @TempDir Path temp;

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Logger logger = Logger.getLogger(FileSink.class.getName());
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          lines.add(MessageFormat.format(record.getMessage(), record.getParameters()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void capture() {
    logger.setLevel(Level.ALL);
    logger.addHandler(capture);
  }

  @AfterEach
  void release() {
    logger.removeHandler(capture);
    logger.setLevel(null);
  }

  @Test
  void close_ofASinkThatNeverStarted_logsNothing() {
    Sink sink = create();

    sink.close();

    assertThat(lines).isEmpty();
  }

  @Test
  void close_afterStart_logsTheLineCount() throws Exception {
    Sink sink = create();

    sink.start();
    sink.close();

    assertThat(lines).containsExactly("sink=local type=file closed after 0 lines in 0 kept files");
  }

  private Sink create() {
    TestSinkContext context =
        TestSinkContext.builder("local")
            .options(Map.of("directory", temp.toString()))
            .clock(new FakeClock())
            .build();
    return new FileSinkProvider().create(context);
  }
}
