/**
 * The {@code firehose} sink: batches of records to an Amazon Data Firehose stream through
 * PutRecordBatch, one newline-delimited compact JSON record per Firehose record.
 */
@NullMarked
package dev.telemetryrouter.sink.firehose;

import org.jspecify.annotations.NullMarked;
