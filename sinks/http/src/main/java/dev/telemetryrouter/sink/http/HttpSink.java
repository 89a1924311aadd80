package dev.telemetryrouter.sink.http;

import dev.telemetryrouter.spi.config.Secret;
import dev.telemetryrouter.spi.sink.RecordEncoding;
import dev.telemetryrouter.spi.sink.RecordOutcome;
import dev.telemetryrouter.spi.sink.RetryableSinkException;
import dev.telemetryrouter.spi.sink.SendContext;
import dev.telemetryrouter.spi.sink.SendResult;
import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkBatch;
import dev.telemetryrouter.spi.sink.SinkLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Posts each batch as one request to an HTTP log intake, framed by the configured format.
 *
 * <p>The OkHttp client is built in {@link #start} or on the first send, never at creation. Every
 * request carries the batch id in {@value #BATCH_ID_HEADER} and every record its stable id in the
 * body where the format has room for it, so an intake can drop the copy a retry after a timeout may
 * bring.
 *
 * <p>Each call is bounded by the smaller of {@code call_timeout} and what is left until the send
 * deadline. A pooled connection that died while Lambda froze the sandbox is replaced by OkHttp on a
 * fresh connection within the call; any other I/O failure becomes a {@link RetryableSinkException}
 * and the engine resends.
 */
final class HttpSink implements Sink {

  private static final System.Logger log = System.getLogger(HttpSink.class.getName());

  /** Carries {@link SinkBatch#id()}: the same on every attempt of a batch. */
  static final String BATCH_ID_HEADER = "X-Telemetry-Router-Batch-Id";

  static final String TLS_REASON =
      "TLS verification failed: the intake's certificate is not trusted or does not match its"
          + " host name (certificates are always verified)";

  private final String name;
  private final HttpSinkConfig config;
  private final MediaType contentType;
  private final Map<String, Secret> headers;
  private @Nullable OkHttpClient client;
  private boolean closed;

  HttpSink(String name, HttpSinkConfig config) {
    this.name = name;
    this.config = config;
    this.contentType = MediaType.get(config.format().contentType());
    this.headers = merged(config);
  }

  @Override
  public SinkLimits limits() {
    return config.limits();
  }

  @Override
  public RecordEncoding encoding() {
    return config.format().encoding();
  }

  @Override
  public synchronized void start() {
    client();
  }

  @Override
  public SendResult send(SinkBatch batch, SendContext context) throws Exception {
    byte[] body = config.format().encode(batch);
    if (body.length > config.maxBodyBytes()) {
      // Escaping in the body can outgrow the engine's estimate: let it split the batch.
      return SendResult.tooLarge(
          "body of " + body.length + " bytes exceeds max_body_bytes " + config.maxBodyBytes());
    }

    Duration left = context.remaining();
    if (left.isZero()) {
      throw new RetryableSinkException("no time left before the send deadline", null);
    }
    Call call = client().newCall(request(batch, body));
    call.timeout().timeout(min(config.timeouts().call(), left).toMillis(), TimeUnit.MILLISECONDS);

    try (Response response = call.execute()) {
      SendResult result = ResponseHandler.handle(response, batch, config.format(), context.clock());
      // Refused or too large: the engine dead-letters or splits, which is worth a warning.
      log.log(
          response.code() < 300 ? Level.DEBUG : Level.WARNING,
          "sink={0} type=http batch={1} records={2} bytes={3} answered HTTP {4}",
          name,
          batch.id(),
          batch.size(),
          body.length,
          response.code());
      return result;
    } catch (SSLException e) {
      if (untrusted(e)) {
        // A certificate the JVM does not trust stays untrusted on the next attempt.
        log.log(
            Level.WARNING,
            "sink={0} type=http batch={1} refused: TLS verification failed",
            name,
            batch.id());
        return SendResult.all(batch.size(), RecordOutcome.rejected(TLS_REASON));
      }
      throw retry(batch, "TLS failure: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedIOException e) {
      throw retry(batch, "timed out before the intake answered (deadline or call_timeout)", e);
    } catch (IOException e) {
      throw retry(batch, "connection failed: " + e.getClass().getSimpleName(), e);
    } catch (RetryableSinkException e) {
      log.log(
          Level.WARNING,
          "sink={0} type=http batch={1} will be retried: {2}",
          name,
          batch.id(),
          e.getMessage());
      throw e;
    }
  }

  private static boolean untrusted(SSLException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof CertificateException || cause instanceof SSLPeerUnverifiedException) {
        return true;
      }
    }
    return false;
  }

  private RetryableSinkException retry(SinkBatch batch, String reason, IOException cause) {
    log.log(
        Level.WARNING,
        "sink={0} type=http batch={1} will be retried: {2}",
        name,
        batch.id(),
        reason);
    return new RetryableSinkException(reason, cause);
  }

  private Request request(SinkBatch batch, byte[] body) throws IOException {
    Request.Builder request = new Request.Builder().url(config.url());
    headers.forEach((header, value) -> request.header(header, value.reveal()));
    request.header(BATCH_ID_HEADER, batch.id());

    if (config.gzip()) {
      request.header("Content-Encoding", "gzip");
      body = gzip(body);
    }
    return request.post(RequestBody.create(body, contentType, 0, body.length)).build();
  }

  private static byte[] gzip(byte[] body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(body);
    }
    return out.toByteArray();
  }

  private synchronized OkHttpClient client() {
    if (closed) {
      throw new IllegalStateException("sink " + name + " is closed");
    }
    if (client == null) {
      client = HttpClients.build(config);
      log.log(
          Level.INFO,
          "sink={0} type=http started: format={1} url={2}",
          name,
          config.format().name(),
          config.safeUrl());
    }
    return client;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (client == null) {
      // Never started (such as created only to validate a configuration): nothing to report.
      return;
    }
    client.connectionPool().evictAll();
    client = null;
    log.log(Level.INFO, "sink={0} type=http closed", name);
  }

  private static Map<String, Secret> merged(HttpSinkConfig config) {
    LinkedHashMap<String, Secret> all = new LinkedHashMap<>(config.headers());
    all.putAll(config.format().headers());
    return Map.copyOf(all);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  @Override
  public String toString() {
    return "HttpSink[name=" + name + ", " + config + "]";
  }
}
