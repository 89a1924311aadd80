package dev.telemetryrouter.sink.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads back what a file sink wrote: its files in name order, which is the order it made them. */
final class OutputFiles {

  private OutputFiles() {}

  static List<Path> files(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> listing = Files.list(directory)) {
      return listing.sorted().toList();
    }
  }

  /** Every line of every file, newlines removed; fails on a file not ending in a newline. */
  static List<String> lines(Path directory) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Path file : files(directory)) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (!text.isEmpty() && !text.endsWith("\n")) {
        throw new AssertionError(file + " ends in the middle of a line");
      }
      if (!text.isEmpty()) {
        lines.addAll(List.of(text.substring(0, text.length() - 1).split("\n", -1)));
      }
    }
    return lines;
  }
}
