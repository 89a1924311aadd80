package dev.telemetryrouter.core.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlatJsonTest {

  @Test
  void topLevelStrings_ofARegisterResponse_readsItsMembers() throws IOException {
    String body =
        """
        {"functionName":"orders","functionVersion":"$LATEST","handler":"index.handler",\
        "accountId":"123456789012"}
        """;

    Map<String, String> strings = FlatJson.topLevelStrings(body);

    assertThat(strings)
        .containsExactly(
            Map.entry("functionName", "orders"),
            Map.entry("functionVersion", "$LATEST"),
            Map.entry("handler", "index.handler"),
            Map.entry("accountId", "123456789012"));
  }

  @Test
  void topLevelStrings_ofRandomObjects_readsTheStringsJacksonReads() throws IOException {
    SplittableRandom random = new SplittableRandom(2025);

    for (int i = 0; i < 3_000; i++) {
      String json = Json.write(randomObject(random, 0));

      assertThat(FlatJson.topLevelStrings(json)).as(json).isEqualTo(jacksonStrings(json));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "{",
        "{\"a\":}",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{\"a\":\"x\"} extra",
        "{\"a\":tru}",
        "{\"a\":[1,2}",
        "{\"a\":\"unterminated}",
        "{\"a\":\"bad \\q escape\"}",
        "{\"a\":\"\\u12\"}",
        "{\"a\":01}",
        "{a:\"x\"}"
      })
  void topLevelStrings_ofMalformedJson_failsAsJacksonDoes(String json) {
    assertThatThrownBy(() -> Json.parse(json.isEmpty() ? " " : json))
        .isInstanceOf(IOException.class);

    assertThatThrownBy(() -> FlatJson.topLevelStrings(json)).isInstanceOf(IOException.class);
  }

  @Test
  void topLevelStrings_ofARepeatedName_keepsTheLastValueAsJacksonDoes() throws IOException {
    String json = "{\"a\":\"first\",\"b\":\"x\",\"a\":\"second\",\"b\":2}";

    assertThat(FlatJson.topLevelStrings(json))
        .isEqualTo(jacksonStrings(json))
        .containsExactly(Map.entry("a", "second"));
  }

  private static Map<String, String> jacksonStrings(String json) throws IOException {
    Map<String, String> strings = new LinkedHashMap<>();
    if (Json.parse(json) instanceof Map<?, ?> map) {
      map.forEach(
          (name, value) -> {
            if (value instanceof String text) {
              strings.put(String.valueOf(name), text);
            }
          });
    }
    return strings;
  }

  private static Map<String, @Nullable Object> randomObject(SplittableRandom random, int depth) {
    Map<String, @Nullable Object> object = new LinkedHashMap<>();
    for (int i = random.nextInt(6); i > 0; i--) {
      object.put(randomText(random), randomValue(random, depth));
    }
    return object;
  }

  private static @Nullable Object randomValue(SplittableRandom random, int depth) {
    int kind = random.nextInt(depth < 3 ? 7 : 5);
    return switch (kind) {
      case 0, 1 -> randomText(random);
      case 2 -> new BigDecimal(random.nextLong()).movePointLeft(random.nextInt(4));
      case 3 -> random.nextBoolean();
      case 4 -> null;
      case 5 -> randomObject(random, depth + 1);
      default -> {
        List<@Nullable Object> list = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          list.add(randomValue(random, depth + 1));
        }
        yield list;
      }
    };
  }

  private static String randomText(SplittableRandom random) {
    String alphabet = "ab\"\\/{}[],: \n\t\u0001\u00e9\u20ac";
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(8); i > 0; i--) {
      if (random.nextInt(10) == 0) {
        text.appendCodePoint(0x1F600 + random.nextInt(20));
      } else {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
    }
    return text.toString();
  }
}
