package dev.telemetryrouter.benchmarks.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandInsTest {

  private static final String S3_CONFIG =
      "sinks:\n  s3:\n    type: s3\n    bucket: b\n    endpoint: ${STANDIN_S3_URL}\n";

  @Test
  void env_namesEachServicesUrlInUpperCase() {
    Map<String, String> urls = new LinkedHashMap<>();
    urls.put("firehose", "http://127.0.0.1:1001");
    urls.put("s3", "http://127.0.0.1:1003");

    Map<String, String> env = StandIns.env(urls);

    assertThat(env)
        .containsExactly(
            Map.entry("STANDIN_FIREHOSE_URL", "http://127.0.0.1:1001"),
            Map.entry("STANDIN_S3_URL", "http://127.0.0.1:1003"));
  }

  @Test
  void problems_whenStandInsAndConfigAgree_none() {
    assertThat(StandIns.problems(true, "s3.yaml", S3_CONFIG)).isEmpty();
    assertThat(StandIns.problems(false, null, null)).isEmpty();
  }

  @Test
  void problems_whenStandInsWithoutConfig_saysTheFileSinkCallsNone() {
    assertThat(StandIns.problems(true, null, null))
        .singleElement()
        .asString()
        .contains("--standins needs a --config");
  }

  @Test
  void problems_whenConfigNamesStandInsWithoutTheFlag_asksForIt() {
    assertThat(StandIns.problems(false, "s3.yaml", S3_CONFIG))
        .containsExactly("--config s3.yaml uses ${STANDIN_S3_URL}: add --standins");
  }

  @Test
  void problems_whenConfigNamesAStandInThatDoesNotExist_listsThoseThatDo() {
    String yaml = "url: ${STANDIN_SQS_URL}\nagain: ${STANDIN_SQS_URL}\n";

    assertThat(StandIns.problems(true, "sqs.yaml", yaml))
        .containsExactly(
            "--config sqs.yaml uses ${STANDIN_SQS_URL}, which no stand-in sets; they set"
                + " STANDIN_FIREHOSE_URL, STANDIN_KINESIS_URL, STANDIN_S3_URL, STANDIN_HTTP_URL");
  }

  @Test
  void problems_whenReferenceHasADefaultOrIsEscaped_needsNoStandIn() {
    String yaml = "a: ${STANDIN_S3_URL:-http://127.0.0.1:9000}\nb: $${STANDIN_S3_URL}\n";

    assertThat(StandIns.problems(false, "defaults.yaml", yaml)).isEmpty();
  }
}
