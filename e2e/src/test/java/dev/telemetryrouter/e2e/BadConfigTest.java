package dev.telemetryrouter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.locallambda.LocalLambda;
import dev.telemetryrouter.locallambda.RunReport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue #3, end-to-end 4: a bad routing.yaml fails Init once, naming every key path. */
class BadConfigTest {

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void badRoutingYaml_initErrorOnceWithConfigInvalidNamingTheKeyPaths(@TempDir Path root) {
    Harness harness = new Harness(root);
    String routing =
        """
        version: 1
        sinks:
          out:
            type: file
            directory: ${E2E_UNSET_DIRECTORY}
            batch:
              max_bytes: 64MiB
          other:
            type: kafak
        """;
    List<RunReport.ErrorCall> errors;
    RunReport report;

    try (LocalLambda lambda = harness.emulator(routing).start()) {
      errors = lambda.initErrors();
      report = lambda.shutdown();
    }

    assertThat(report.initStatus()).isEqualTo("error");
    assertThat(errors).hasSize(1);
    RunReport.ErrorCall error = errors.getFirst();
    assertThat(error.errorType()).isEqualTo("Extension.ConfigInvalid");
    assertThat(error.body())
        .contains("sinks.other.type")
        .contains("E2E_UNSET_DIRECTORY")
        .contains("sinks.out.directory")
        .contains("sinks.out.batch.max_bytes");
    assertThat(report.extensions().getFirst().exitCode()).isNotZero();
  }
}
