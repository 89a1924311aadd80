/**
 * The Kinesis Data Streams sink ({@code type: kinesis}): {@code PutRecords} within the API's
 * limits, random or templated partition keys, per-record outcomes from {@code FailedRecordCount},
 * and optional packing of many records into one Kinesis record in the KPL aggregated-record format.
 */
@NullMarked
package dev.telemetryrouter.sink.kinesis;

import org.jspecify.annotations.NullMarked;
