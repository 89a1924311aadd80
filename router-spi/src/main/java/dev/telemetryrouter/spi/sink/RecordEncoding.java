package dev.telemetryrouter.spi.sink;

/** How the engine turns a record into the bytes a sink sends. Both forms are UTF-8. */
public enum RecordEncoding {

  /**
   * The whole record as one line of compact JSON, with no raw newline in it: {@code time}, {@code
   * type}, {@code id}, the fields, {@code function} and {@code record} (the raw payload, a string
   * or an object, never double-encoded).
   */
  JSON,

  /**
   * The message alone: the {@code message} field when there is one, else a text payload as it is,
   * else the payload object as compact JSON.
   */
  MESSAGE
}
