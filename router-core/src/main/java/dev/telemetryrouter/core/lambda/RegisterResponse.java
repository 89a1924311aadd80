package dev.telemetryrouter.core.lambda;

import org.jspecify.annotations.Nullable;

/**
 * What {@code /extension/register} answered (Lambda Extensions API,
 * https://docs.aws.amazon.com/lambda/latest/dg/runtimes-extensions-api.html).
 *
 * @param extensionId the {@code Lambda-Extension-Identifier} every later call must carry
 * @param functionName the function's name, as the platform reports it
 * @param functionVersion the function's version
 * @param accountId the account id, present when the platform granted the {@code accountId} feature
 */
record RegisterResponse(
    String extensionId, String functionName, String functionVersion, @Nullable String accountId) {}
