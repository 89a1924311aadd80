package dev.telemetryrouter.locallambda;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The UTF-8 locale child processes get as {@code LANG}. Lambda gives its runtimes {@code
 * LANG=en_US.UTF-8}; a host where that locale was never generated would make the variable useless
 * (the C library falls back to ASCII and a JVM then writes non-ASCII characters as '?'), so such a
 * host gets {@code C.UTF-8}, which glibc always provides.
 */
final class HostLocale {

  private static final System.Logger log = System.getLogger(HostLocale.class.getName());

  /** The value Lambda sets (its documented runtime environment variables). */
  static final String LAMBDA = "en_US.UTF-8";

  /** Built into glibc since 2.35 and into Debian's C library long before. */
  static final String FALLBACK = "C.UTF-8";

  private static final class Holder {
    static final String VALUE = detect();
  }

  private HostLocale() {}

  /** {@link #LAMBDA} when the host has it, otherwise {@link #FALLBACK}; looked up once. */
  static String utf8() {
    return Holder.VALUE;
  }

  private static String detect() {
    try {
      Process locale =
          new ProcessBuilder("locale", "-a")
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      String names;
      try (InputStream in = locale.getInputStream()) {
        names = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      locale.waitFor(2, TimeUnit.SECONDS);
      boolean present =
          names.lines().map(HostLocale::normalise).anyMatch(normalise(LAMBDA)::equals);
      return present ? LAMBDA : FALLBACK;
    } catch (IOException e) {
      log.log(Level.DEBUG, "cannot list the host locales, LANG={0}", FALLBACK);
      return FALLBACK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FALLBACK;
    }
  }

  /** {@code en_US.UTF-8} and {@code en_US.utf8} name the same locale. */
  private static String normalise(String name) {
    return name.strip().toLowerCase(Locale.ROOT).replace("-", "");
  }
}
