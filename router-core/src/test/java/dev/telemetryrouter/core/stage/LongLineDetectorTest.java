package dev.telemetryrouter.core.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The built-in detectors on the lines a function may log up to Lambda's 256 KB event size: no stack
 * overflow on the layer's thread stacks, no rescans that grow with the square of a line.
 */
class LongLineDetectorTest {

  /** The layer's {@code -Xss512k} (layer/src/main/layer-config/jvm.options). */
  private static final long LAYER_STACK_BYTES = 512 * 1024;

  /** The forms the email and jwt patterns had first, kept as the oracle of what they find. */
  private static final Pattern TEXTBOOK_EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

  private static final Pattern TEXTBOOK_JWT =
      Pattern.compile("\\beyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

  private static final String[] FRAGMENTS = {
    "eyJ",
    ".eyJ",
    "@",
    "..",
    ".com",
    "x@y.org",
    "-",
    " ",
    "eyJhb.eyJzd.sig",
    "a.b",
    "@@",
    ".io1",
    "ab",
    "Q",
    "9",
    ".",
    "_",
    "%",
    "+",
    "\t",
    "é",
    "ab.cd",
    ".de"
  };

  @Test
  void email_ofADomainWithManyLabels_isRedactedOnTheLayersStack() throws Exception {
    String line = "x@" + "a.".repeat(50_000) + "com";
    Redactor redactor = Redactor.masking(List.of(Detector.BUILT_IN.get("email")), null);

    Object result = onLayerStack(() -> redactor.text(line));

    assertThat(result).isEqualTo("[REDACTED:email]");
  }

  @ParameterizedTest
  @CsvSource({
    "email, 'a', 20000, ' @'",
    "email, 'a.', 10000, ' @x'",
    "jwt, 'eyJ-', 5000, ''",
    "jwt, 'eyJa.eyJ-', 2000, ''",
    "bearer_token, 'bearer ', 3000, ''",
    "aws_secret_key, 'secret_access_key= ', 1000, ''",
    "credit_card, '1 ', 10000, ''",
    "ipv4, '1.', 10000, ''"
  })
  void pattern_onAHostileLongLine_readsEachCharacterABoundedNumberOfTimes(
      String detector, String unit, int times, String tail) {
    CountingText line = new CountingText(unit.repeat(times) + tail);

    Matcher matcher = Detector.BUILT_IN.get(detector).pattern().matcher(line);
    while (matcher.find()) {
      // Every match, as the redactor looks for them.
    }

    assertThat(line.reads).isLessThan(20L * line.length());
  }

  @Test
  void emailAndJwt_onRandomText_findWhatTheTextbookPatternsFind() {
    SplittableRandom random = new SplittableRandom(256);
    Detector email = Detector.BUILT_IN.get("email");
    Detector jwt = Detector.BUILT_IN.get("jwt");

    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(120); n > 0; n--) {
        text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
      }
      String line = text.toString();

      assertThat(spans(email, line)).as(line).isEqualTo(spans(TEXTBOOK_EMAIL, 0, line));
      assertThat(spans(jwt, line)).as(line).isEqualTo(spans(TEXTBOOK_JWT, 0, line));
    }
  }

  private static List<Integer> spans(Detector detector, String line) {
    return spans(detector.pattern(), detector.group(), line);
  }

  /** Start and end of every part the redactor would replace, in order. */
  private static List<Integer> spans(Pattern pattern, int group, String line) {
    List<Integer> spans = new ArrayList<>();
    Matcher matcher = pattern.matcher(line);
    while (matcher.find()) {
      spans.add(matcher.start(group));
      spans.add(matcher.end(group));
    }
    return spans;
  }

  /** The result of {@code action} on a thread with the layer's stack size, or what it threw. */
  private static Object onLayerStack(java.util.function.Supplier<Object> action) throws Exception {
    AtomicReference<Object> result = new AtomicReference<>();
    Runnable capture =
        () -> {
          try {
            result.set(action.get());
          } catch (StackOverflowError e) {
            result.set(e);
          }
        };
    Thread thread = new Thread(null, capture, "layer-stack", LAYER_STACK_BYTES);
    thread.start();
    thread.join();
    return result.get();
  }

  /** Text that counts how often the matcher reads a character: work, without timing anything. */
  private static final class CountingText implements CharSequence {
    private final String text;
    private long reads;

    CountingText(String text) {
      this.text = text;
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public char charAt(int index) {
      reads++;
      return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
