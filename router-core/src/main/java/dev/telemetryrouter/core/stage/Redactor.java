package dev.telemetryrouter.core.stage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Applies detectors to text, replacing each match by a mask or by a keyed hash. Thread-safe: the
 * HMAC instance, which is not, is kept per thread.
 */
final class Redactor {

  /** Hex characters of the HMAC kept: 64 bits tell values apart without a long token. */
  private static final int HASH_HEX_CHARS = 16;

  private final List<Detector> detectors;
  private final @Nullable String mask;
  private final @Nullable ThreadLocal<Mac> mac;

  private Redactor(
      List<Detector> detectors, @Nullable String mask, @Nullable ThreadLocal<Mac> mac) {
    this.detectors = List.copyOf(detectors);
    this.mask = mask;
    this.mac = mac;
  }

  /** Replaces matches by {@code mask}, or by {@code [REDACTED:<detector>]} when it is null. */
  static Redactor masking(List<Detector> detectors, @Nullable String mask) {
    return new Redactor(detectors, mask, null);
  }

  /**
   * Replaces matches by {@code [<detector>:<hex>]}, the hex being HMAC-SHA256 under {@code key}.
   */
  static Redactor hashing(List<Detector> detectors, byte[] key) {
    SecretKeySpec spec = new SecretKeySpec(key.clone(), "HmacSHA256");
    ThreadLocal<Mac> perThread =
        ThreadLocal.withInitial(
            () -> {
              try {
                Mac instance = Mac.getInstance("HmacSHA256");
                instance.init(spec);
                return instance;
              } catch (GeneralSecurityException unavailable) {
                // Every Java platform must provide HmacSHA256 (javax.crypto.Mac Javadoc).
                throw new IllegalStateException(unavailable);
              }
            });
    return new Redactor(detectors, null, perThread);
  }

  /** {@code value} with every text inside it redacted; the same instance when nothing matched. */
  @Nullable Object apply(@Nullable Object value) {
    return switch (value) {
      case String text -> text(text);
      case Map<?, ?> map -> {
        Map<Object, @Nullable Object> copy = new LinkedHashMap<>();
        boolean changed = false;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          Object redacted = apply(entry.getValue());
          changed |= redacted != entry.getValue();
          copy.put(entry.getKey(), redacted);
        }
        yield changed ? copy : value;
      }
      case List<?> list -> {
        List<@Nullable Object> copy = new ArrayList<>(list.size());
        boolean changed = false;
        for (Object item : list) {
          Object redacted = apply(item);
          changed |= redacted != item;
          copy.add(redacted);
        }
        yield changed ? copy : value;
      }
      case null -> null;
      default -> value;
    };
  }

  /** {@code text} redacted; the same instance when nothing matched. */
  String text(String text) {
    String current = text;
    for (Detector detector : detectors) {
      current = replace(current, detector);
    }
    return current;
  }

  private String replace(String text, Detector detector) {
    if (!detector.mayMatch().test(text)) {
      return text;
    }
    Matcher matcher = detector.pattern().matcher(text);
    StringBuilder out = null;
    int copied = 0;
    while (matcher.find()) {
      int group = detector.group();
      String match = matcher.group(group);
      if (match == null || !detector.accept().test(match)) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, matcher.start(group)).append(replacement(detector, match));
      copied = matcher.end(group);
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  private String replacement(Detector detector, String match) {
    if (mac == null) {
      return mask != null ? mask : "[REDACTED:" + detector.name() + "]";
    }
    byte[] digest = mac.get().doFinal(match.getBytes(StandardCharsets.UTF_8));
    String hex = HexFormat.of().formatHex(digest).substring(0, HASH_HEX_CHARS);
    return "[" + detector.name() + ":" + hex + "]";
  }
}
