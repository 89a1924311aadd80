package dev.telemetryrouter.spi;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The Lambda function a record came from, as the extension learns it from its environment and from
 * the Extensions API register response.
 *
 * @param name function name ({@code AWS_LAMBDA_FUNCTION_NAME})
 * @param version function version ({@code AWS_LAMBDA_FUNCTION_VERSION}), such as {@code $LATEST}
 * @param region AWS region ({@code AWS_REGION})
 * @param memoryMb configured memory in MB ({@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE}), 0 when unknown
 * @param accountId the account id, known only when the platform granted the {@code accountId}
 *     feature at register time
 */
public record FunctionContext(
    String name, String version, String region, int memoryMb, @Nullable String accountId) {

  /** A context for records that were not produced by a known function, such as in tests. */
  public static final FunctionContext UNKNOWN = new FunctionContext("", "", "", 0, null);

  public FunctionContext {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(region, "region");
  }
}
