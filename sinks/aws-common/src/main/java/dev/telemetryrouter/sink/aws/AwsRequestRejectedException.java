package dev.telemetryrouter.sink.aws;

/**
 * An AWS call failed in a way that repeating it unchanged will not fix: a missing stream or bucket,
 * access denied, an invalid argument, a KMS key problem. Final for the whole batch (see {@code
 * Sink#send}).
 */
public final class AwsRequestRejectedException extends Exception {

  private static final long serialVersionUID = 1L;

  public AwsRequestRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
