package dev.telemetryrouter.core.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/** Reading YAML scalars leniently: {@code ${VAR}} makes every interpolated value text. */
final class Scalars {

  private Scalars() {}

  static boolean isScalar(Object value) {
    return value instanceof String || value instanceof Number || value instanceof Boolean;
  }

  static String text(Object value) {
    if (value instanceof Double number) {
      return plain(number);
    }
    return value.toString();
  }

  static OptionalLong wholeNumber(Object value) {
    if (value instanceof Long || value instanceof Integer) {
      return OptionalLong.of(((Number) value).longValue());
    }
    if (value instanceof BigInteger) {
      return OptionalLong.empty();
    }
    if (value instanceof String text) {
      try {
        return OptionalLong.of(Long.parseLong(text.strip()));
      } catch (NumberFormatException notANumber) {
        return OptionalLong.empty();
      }
    }
    return OptionalLong.empty();
  }

  static Optional<BigDecimal> decimal(Object value) {
    if (value instanceof Boolean || !isScalar(value)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BigDecimal(text(value).strip()));
    } catch (NumberFormatException notANumber) {
      return Optional.empty();
    }
  }

  static String plain(double number) {
    return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
  }

  /** "from min to max", or "of at least min" when there is no upper bound. */
  static String range(String min, @Nullable String max) {
    return max == null ? "of at least " + min : "from " + min + " to " + max;
  }

  @SuppressWarnings("unchecked")
  static Map<String, @Nullable Object> asMap(Map<?, ?> map) {
    if (map.keySet().stream().allMatch(key -> key instanceof String)) {
      return (Map<String, @Nullable Object>) map;
    }
    Map<String, @Nullable Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(String.valueOf(key), value));
    return copy;
  }
}
