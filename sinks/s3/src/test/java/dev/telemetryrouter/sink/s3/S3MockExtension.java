package dev.telemetryrouter.sink.s3;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests one S3Mock process for the whole run: it starts on first use and stops when JUnit
 * closes its root store, after the last test.
 */
final class S3MockExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == S3MockProcess.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .computeIfAbsent(S3MockProcess.class, type -> startMock(), S3MockProcess.class);
  }

  private static S3MockProcess startMock() {
    try {
      return S3MockProcess.start();
    } catch (Exception e) {
      throw new IllegalStateException("S3Mock did not start: " + e.getMessage(), e);
    }
  }
}
