package dev.telemetryrouter.locallambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SubscriptionTest {

  @Test
  void parse_withoutBuffering_usesThePlatformDefaults() throws Exception {
    String body =
        "{\"schemaVersion\":\"2025-01-29\",\"types\":[\"platform\"],"
            + "\"destination\":{\"protocol\":\"HTTP\",\"URI\":\"http://sandbox:8999/\"}}";

    Subscription s = Subscription.parse(Dialect.Api.TELEMETRY, body, 9100);

    assertThat(s.maxItems()).isEqualTo(10_000);
    assertThat(s.maxBytes()).isEqualTo(262_144);
    assertThat(s.timeoutMs()).isEqualTo(1000);
    assertThat(s.port()).isEqualTo(8999);
    assertThat(s.path()).isEqualTo("/");
    assertThat(s.method()).isEqualTo("POST");
  }

  @Test
  void parse_logsWithoutSchemaVersion_defaultsTo20200815() throws Exception {
    String body =
        "{\"types\":[\"function\"],"
            + "\"destination\":{\"protocol\":\"HTTP\","
            + "\"URI\":\"http://sandbox.localdomain:1234/l\"}}";

    Subscription s = Subscription.parse(Dialect.Api.LOGS, body, 9100);

    assertThat(s.dialect()).isEqualTo(new Dialect(Dialect.Api.LOGS, "2020-08-15"));
    assertThat(s.dialect().logsRuntimeDone()).isFalse();
  }

  @Test
  void parse_withBoundaryBufferingValues_acceptsThem() throws Exception {
    String body =
        Fixtures.read(
            "subscriptions/telemetry.json",
            "2022-07-01",
            1000,
            25,
            "http://sandbox.localdomain:4243/t");

    Subscription s = Subscription.parse(Dialect.Api.TELEMETRY, body, 9100);

    assertThat(s.maxItems()).isEqualTo(1000);
    assertThat(s.timeoutMs()).isEqualTo(25);
  }

  @Test
  void parse_withReservedPortsOrAnOutsideHost_isRefused() {
    String reserved = Fixtures.telemetry("2022-12-13", "http://sandbox.localdomain:9001/");
    String ownPort = Fixtures.telemetry("2022-12-13", "http://sandbox.localdomain:9100/");
    String outside = Fixtures.telemetry("2022-12-13", "http://example.org:8080/");

    assertThatThrownBy(() -> Subscription.parse(Dialect.Api.TELEMETRY, reserved, 9100))
        .hasMessageContaining("9001 is reserved");
    assertThatThrownBy(() -> Subscription.parse(Dialect.Api.TELEMETRY, ownPort, 9100))
        .hasMessageContaining("9100 is reserved");
    assertThatThrownBy(() -> Subscription.parse(Dialect.Api.TELEMETRY, outside, 9100))
        .hasMessageContaining("must be http://sandbox.localdomain:PORT/PATH");
  }

  @Test
  void parse_withTcpProtocol_isRefusedAsUnsupported() {
    String body =
        "{\"schemaVersion\":\"2022-12-13\",\"types\":[\"platform\"],"
            + "\"destination\":{\"protocol\":\"TCP\",\"port\":4000}}";

    assertThatThrownBy(() -> Subscription.parse(Dialect.Api.TELEMETRY, body, 9100))
        .hasMessageContaining("does not implement TCP");
  }
}
