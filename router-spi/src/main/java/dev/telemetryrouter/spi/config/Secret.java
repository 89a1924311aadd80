package dev.telemetryrouter.spi.config;

import java.util.Objects;

/**
 * A configuration value that must never be printed in clear: a token, a password, an authorization
 * header. {@link #toString()} masks it; call {@link #reveal()} only where the value goes on the
 * wire.
 */
public final class Secret {

  private final String value;

  public Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /** The clear value, for the request that needs it and nothing else. */
  public String reveal() {
    return value;
  }

  /** Masks all but a hint of the length, so two secrets in one error line can be told apart. */
  @Override
  public String toString() {
    return value.isEmpty() ? "<empty>" : "****(" + value.length() + " chars)";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret && secret.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
