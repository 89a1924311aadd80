package dev.telemetryrouter.sink.testkit;

import static org.assertj.core.api.Assertions.fail;

import dev.telemetryrouter.spi.sink.OutgoingRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares what a destination received with what was sent, as multisets, in linear time, and
 * reports a mismatch by record tags rather than by whole records (a batch may hold 16 MiB).
 */
public final class ReceivedCheck {

  private static final int SHOWN = 10;
  private static final int TAG_CHARS = 48;
  private static final Pattern TAG = Pattern.compile("r\\d{6}");

  private ReceivedCheck() {}

  /** Fails unless {@code received} holds each of {@code sent}'s data texts once, and no other. */
  public static void assertExactlyOnce(List<String> received, List<OutgoingRecord> sent) {
    Map<String, Integer> balance = new HashMap<>();
    for (OutgoingRecord record : sent) {
      balance.merge(BatchFactory.dataText(record), 1, Integer::sum);
    }
    for (String text : received) {
      balance.merge(text, -1, Integer::sum);
    }

    List<String> missing = new ArrayList<>();
    List<String> extra = new ArrayList<>();
    balance.forEach(
        (text, count) -> {
          if (count > 0) {
            missing.add(shorten(text));
          } else if (count < 0) {
            extra.add(shorten(text) + " +" + (-count));
          }
        });
    if (!missing.isEmpty() || !extra.isEmpty()) {
      fail(
          "sent %d records, received %d: %d never arrived %s, %d arrived unexpectedly or more"
              + " than once (+extra copies) %s",
          sent.size(), received.size(), missing.size(), first(missing), extra.size(), first(extra));
    }
  }

  private static List<String> first(List<String> texts) {
    return texts.stream().sorted().limit(SHOWN).toList();
  }

  private static String shorten(String text) {
    Matcher tag = TAG.matcher(text);
    if (tag.find()) {
      return tag.group();
    }
    return text.length() <= TAG_CHARS ? text : text.substring(0, TAG_CHARS) + "...";
  }
}
