package dev.telemetryrouter.benchmarks.startup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Samples of one measure and their p10, median and p90 (nearest rank). */
final class Stats {

  private final List<Double> samples = new ArrayList<>();

  void add(double value) {
    samples.add(value);
  }

  int count() {
    return samples.size();
  }

  double percentile(int p) {
    if (samples.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(samples);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.clamp(rank - 1, 0, sorted.size() - 1));
  }

  double median() {
    return percentile(50);
  }

  /** {@code median (p10-p90)} with no decimals. */
  String summary() {
    if (samples.isEmpty()) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.0f (%.0f-%.0f)", median(), percentile(10), percentile(90));
  }
}
