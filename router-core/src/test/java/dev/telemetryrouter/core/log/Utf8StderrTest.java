package dev.telemetryrouter.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The log facade's bytes on stderr are UTF-8 whatever the process's locale. */
class Utf8StderrTest {

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void log_inAJvmWithoutLocale_writesNonAsciiAsUtf8Bytes() throws Exception {
    // An empty environment, as with `env -i`, and an ASCII stderr.encoding, so the platform's
    // System.err would print '?' for both characters.
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            java,
            "-Dstderr.encoding=US-ASCII",
            "-Dstdout.encoding=US-ASCII",
            "-cp",
            System.getProperty("java.class.path"),
            Utf8LogMain.class.getName());
    builder.environment().clear();

    Process child = builder.start();
    byte[] stderr;
    try {
      child.getOutputStream().close();
      stderr = child.getErrorStream().readAllBytes();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }

    String expected = "[telemetry-router] ERROR Main " + Utf8LogMain.MESSAGE + "\n";
    assertThat(stderr).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    assertThat(child.exitValue()).isZero();
  }
}
