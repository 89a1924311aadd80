package dev.telemetryrouter.sink.http;

import dev.telemetryrouter.spi.sink.Sink;
import dev.telemetryrouter.spi.sink.SinkContext;
import dev.telemetryrouter.spi.sink.SinkProvider;

/**
 * Creates {@code type: http} sinks: batches posted to a log intake (generic JSON, Elasticsearch or
 * OpenSearch {@code _bulk}, Splunk HEC, Grafana Loki). Creation reads and checks the options only;
 * the HTTP client comes later, off the start-up path.
 */
public final class HttpSinkProvider implements SinkProvider {

  public HttpSinkProvider() {}

  @Override
  public String type() {
    return "http";
  }

  @Override
  public Sink create(SinkContext context) {
    return new HttpSink(context.name(), ConfigReader.read(context.config()));
  }
}
