package dev.telemetryrouter.locallambda;

/**
 * An API call refused with the platform's error body {@code {"errorMessage", "errorType"}}
 * (reference emulator: aws/aws-lambda-runtime-interface-emulator,
 * internal/lambda/rapi/rendering/render_error.go).
 */
final class ApiError extends Exception {

  final int status;
  final String errorType;

  ApiError(int status, String errorType, String message) {
    super(message, null, false, false);
    this.status = status;
    this.errorType = errorType;
  }

  static ApiError forbidden(String errorType, String message) {
    return new ApiError(403, errorType, message);
  }
}
