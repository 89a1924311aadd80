package dev.telemetryrouter.sink.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telemetryrouter.sink.testkit.BatchFactory;
import dev.telemetryrouter.sink.testkit.TestSinkContext;
import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.Sink;
import java.util.Map;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Certificates are verified: an intake the JVM does not trust gets no record. */
class TlsTest {

  private final SinkHarness harness = new SinkHarness();
  private Intake intake;

  @BeforeEach
  void start() throws Exception {
    HeldCertificate selfSigned =
        new HeldCertificate.Builder()
            .commonName("intake.test")
            .addSubjectAlternativeName("127.0.0.1")
            .build();
    HandshakeCertificates server =
        new HandshakeCertificates.Builder().heldCertificate(selfSigned).build();
    intake = new Intake(server.sslSocketFactory());
  }

  @AfterEach
  void stop() {
    harness.close();
    intake.close();
  }

  @Test
  void send_toAnUntrustedCertificate_rejectsTheBatchWithoutSendingIt() throws Exception {
    Sink sink = harness.sink(Map.of("url", intake.url("/ingest")));
    BatchFactory factory = harness.factory(sink);

    SendResult result = harness.send(sink, factory.batch(factory.records(2, "tls")));

    assertThat(result.outcomes())
        .containsOnly(RecordOutcome.rejected(HttpSink.TLS_REASON))
        .hasSize(2);
    assertThat(intake.received()).isEmpty();
  }

  @Test
  void create_withAnOptionToSkipVerification_leavesItUnknown() {
    TestSinkContext context =
        TestSinkContext.of("intake", Map.of("url", intake.url("/"), "tls_verify", false));

    new HttpSinkProvider().create(context).close();

    assertThat(context.config().unknownKeys()).containsExactly("sinks.intake.tls_verify");
  }
}
