package dev.telemetryrouter.sink.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.spi.FunctionContext;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class S3KeyTemplateTest {

  private static final FunctionContext FUNCTION =
      new FunctionContext("orders-api", "$LATEST", "eu-west-1", 256, "123456789012");

  @Test
  void render_defaultTemplate_usesUtcHivePartitions() {
    S3KeyTemplate template = S3KeyTemplate.parse(S3KeyTemplate.DEFAULT);

    String key =
        template.render(Instant.parse("2026-03-01T00:30:00.5Z"), FUNCTION, "req-1", "abc-000007");

    assertThat(key)
        .isEqualTo("logs/orders-api/dt=2026-03-01/hour=00/20260301T003000.500Z-req-1-abc-000007");
  }

  @Test
  void render_everyPlaceholder_isFilled() {
    S3KeyTemplate template =
        S3KeyTemplate.parse(
            "{year}/{month}/{day}/{hour}{minute}{second}/{function}/{version}/{region}/{account}/"
                + "{request_id}/{unique}");

    String key = template.render(Instant.parse("2026-12-04T05:06:07Z"), FUNCTION, null, "u");

    assertThat(key).isEqualTo("2026/12/04/050607/orders-api/_LATEST/eu-west-1/123456789012/none/u");
  }

  @Test
  void render_unsafeCharactersInValues_areReplaced() {
    S3KeyTemplate template = S3KeyTemplate.parse("{request_id}/{unique}");

    String key = template.render(Instant.EPOCH, FUNCTION, "a/b c", "u");

    assertThat(key).isEqualTo("a_b_c/u");
  }

  @Test
  void problems_templateWithoutUnique_isRefused() {
    assertThat(S3KeyTemplate.parse("logs/{date}/{function}").problems())
        .singleElement()
        .asString()
        .contains("{unique}");
  }

  @Test
  void problems_unknownPlaceholder_isNamed() {
    assertThat(S3KeyTemplate.parse("{unique}/{hostname}").problems())
        .singleElement()
        .asString()
        .contains("{hostname}");
  }
}
