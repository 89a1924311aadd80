package dev.telemetryrouter.core.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DetectorTest {

  /** Characters that make near-misses of every built-in pattern likely. */
  private static final String ALPHABET =
      "0123456789 -.@_:=/+\"'AKISYaeijbrsctkyxEJ.eyJ%~ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private static final String[] FRAGMENTS = {
    "eyJhbGciOiJIUzI1NiJ9",
    ".eyJzdWIiOiIxIn0",
    ".sig",
    "Bearer ",
    "bearer\t",
    "AKIA",
    "ASIA",
    "aws_secret_access_key=",
    "SECRET_ACCESS_KEY: ",
    "user@example.com",
    "a@b.io",
    "4111 1111 1111",
    "1111",
    "192.168.",
    "10.0.0.1",
    "2001",
    "@",
    "."
  };

  @Test
  void mayMatch_whenFalse_thePatternFindsNothing() {
    SplittableRandom random = new SplittableRandom(61);
    int skipped = 0;

    for (int i = 0; i < 40_000; i++) {
      String text = randomText(random);
      for (Detector detector : Detector.BUILT_IN.values()) {
        if (!detector.mayMatch().test(text)) {
          skipped++;
          assertThat(detector.pattern().matcher(text).find())
              .as("%s on %s", detector.name(), text)
              .isFalse();
        }
      }
    }

    // The check must also be worth having: most random texts skip most patterns.
    assertThat(skipped).isGreaterThan(40_000);
  }

  @Test
  void mayMatch_onTextEachDetectorRedacts_isTrue() {
    String[] samples = {
      "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc",
      "Authorization: BEARER abcdefgh12345",
      "key AKIAABCDEFGHIJKLMNOP here",
      "Aws_Secret_Access_Key = 'abcdefghijabcdefghijabcdefghijabcdefghij'",
      "mail Jane.Doe+x@mail.example.org now",
      "card 4111-1111-1111-1111 paid",
      "from 10.1.2.3 at noon"
    };

    for (String sample : samples) {
      boolean anyFound = false;
      for (Detector detector : Detector.BUILT_IN.values()) {
        if (detector.pattern().matcher(sample).find()) {
          anyFound = true;
          assertThat(detector.mayMatch().test(sample)).as(detector.name()).isTrue();
        }
      }
      assertThat(anyFound).as(sample).isTrue();
    }
  }

  private static String randomText(SplittableRandom random) {
    StringBuilder text = new StringBuilder();
    int parts = 1 + random.nextInt(6);
    for (int p = 0; p < parts; p++) {
      if (random.nextInt(3) == 0) {
        text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
      } else {
        for (int c = random.nextInt(12); c > 0; c--) {
          text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
      }
    }
    return text.toString();
  }
}
