package dev.telemetryrouter.sink.file;

import dev.telemetryrouter.sink.testkit.SinkContractTest;
import dev.telemetryrouter.spi.sink.SinkProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The shared sink contract, writing into a fresh directory per test. */
class FileSinkContractTest extends SinkContractTest {

  @TempDir Path temp;

  @Override
  protected SinkProvider provider() {
    return new FileSinkProvider();
  }

  @Override
  protected Map<String, Object> options() {
    return Map.of("directory", temp.resolve("out").toString(), "max_file_bytes", "16MiB");
  }

  @Override
  protected List<String> received() throws IOException {
    return OutputFiles.lines(temp.resolve("out"));
  }
}
