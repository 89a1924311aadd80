package dev.telemetryrouter.core.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LogLineTest {

  @Test
  void ofText_nodePrefix_splitsIntoRequestIdLevelAndMessage() {
    LogLine line =
        LogLine.ofText(
            "2026-03-02T10:00:01.011Z\t6d68ca91-49c9-448d-89b8-7ca3e6dc66aa\twarn\tdisk\tfull");

    assertThat(line)
        .isEqualTo(new LogLine("6d68ca91-49c9-448d-89b8-7ca3e6dc66aa", "WARN", "disk\tfull"));
  }

  @Test
  void ofText_nodePrefixOutsideARequest_hasNoRequestId() {
    LogLine line = LogLine.ofText("2026-03-02T10:00:01.011Z\tundefined\tINFO\tloading");

    assertThat(line).isEqualTo(new LogLine(null, "INFO", "loading"));
  }

  @Test
  void ofText_tabsWithoutAKnownShape_isAPlainMessage() {
    LogLine line = LogLine.ofText("a\tb\tc\td");

    assertThat(line).isEqualTo(new LogLine(null, null, "a\tb\tc\td"));
  }

  @Test
  void ofText_brokenJson_isAPlainMessage() {
    LogLine line = LogLine.ofText("{\"level\":\"INFO\",");

    assertThat(line).isEqualTo(new LogLine(null, null, "{\"level\":\"INFO\","));
  }

  @Test
  void ofObject_nonTextValues_areIgnored() {
    LogLine line = LogLine.ofObject(Map.of("level", 3, "message", Map.of("a", "b")));

    assertThat(line).isEqualTo(new LogLine(null, null, null));
  }
}
