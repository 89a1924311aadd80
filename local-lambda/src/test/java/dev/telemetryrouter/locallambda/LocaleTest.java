package dev.telemetryrouter.locallambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extensions get a UTF-8 locale in LANG, as Lambda runtimes do, so their output keeps non-ASCII.
 */
class LocaleTest {

  @TempDir Path tmp;

  private String extensionLog(LocalLambdaBuilder builder) throws Exception {
    Path layer = tmp.resolve("layer");
    TestLayer.withExtension(layer, "fake-extension.sh", "fake");
    try (LocalLambda lambda = builder.layer(layer).workDir(tmp.resolve("work")).start()) {
      lambda.shutdown();
      return Files.readString(lambda.extensionLog());
    }
  }

  @Test
  void extensions_getAUtf8LocaleTheHostCanLoad() throws Exception {
    String log = extensionLog(LocalLambda.builder());

    assertThat(log).contains("fake: LANG=" + HostLocale.utf8() + " charmap UTF-8");
  }

  @Test
  void extensions_whenTheFunctionSetsLang_getThatValue() throws Exception {
    String log = extensionLog(LocalLambda.builder().env("LANG", "C"));

    assertThat(log).contains("fake: LANG=C charmap ").doesNotContain("LANG=C charmap UTF-8");
  }
}
