/**
 * Request bodies for the HTTP sink, one class per intake: generic JSON, Elasticsearch and
 * OpenSearch {@code _bulk}, Splunk HEC events and Grafana Loki push.
 */
@NullMarked
package dev.telemetryrouter.sink.http.format;

import org.jspecify.annotations.NullMarked;
