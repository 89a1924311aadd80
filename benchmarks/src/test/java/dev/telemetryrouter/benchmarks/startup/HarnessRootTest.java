package dev.telemetryrouter.benchmarks.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarnessRootTest {

  @TempDir Path dir;

  @Test
  void at_whenFolderHoldsOtherFiles_refusesAndDeletesNothing() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "mine");
    Files.createDirectories(dir.resolve("variants/shipped"));

    assertThatThrownBy(() -> HarnessRoot.at(dir, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("notes.txt");

    assertThat(dir.resolve("notes.txt")).exists();
    assertThat(dir.resolve("variants/shipped")).exists();
  }

  @Test
  void close_ofExistingFolder_deletesOnlyTheHarnessFolders() throws IOException {
    Files.createDirectories(dir.resolve("variants/old"));

    try (HarnessRoot root = HarnessRoot.at(dir, false)) {
      assertThat(dir.resolve("variants/old")).doesNotExist();
      Files.createDirectories(root.path().resolve("opt/telemetry-router"));
      Files.createDirectories(root.path().resolve("work"));
    }

    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void close_ofFolderItMade_deletesTheFolder() throws IOException {
    Path made = dir.resolve("a/root");

    try (HarnessRoot root = HarnessRoot.at(made, false)) {
      Files.createDirectories(root.path().resolve("variants/no-aot"));
    }

    assertThat(made).doesNotExist();
    assertThat(dir.resolve("a")).exists();
  }

  @Test
  void close_withKeep_leavesTheVariantFolders() throws IOException {
    Path made = dir.resolve("root");

    try (HarnessRoot root = HarnessRoot.at(made, true)) {
      Files.createDirectories(root.path().resolve("variants/compressed"));
    }

    assertThat(made.resolve("variants/compressed")).exists();
  }
}
