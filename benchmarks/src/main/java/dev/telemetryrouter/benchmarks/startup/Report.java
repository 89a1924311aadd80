package dev.telemetryrouter.benchmarks.startup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects the samples of a harness run and renders them as Markdown. */
final class Report {

  private final List<Variant> variants;
  private final int runs;
  private final int records;
  private final String loadBefore;
  private String loadAfter = "";
  private final Map<Variant, Map<String, Stats>> stats = new LinkedHashMap<>();
  private final Map<Variant, Integer> unclean = new LinkedHashMap<>();
  private final Stats floorMain = new Stats();
  private final Stats floorRss = new Stats();
  private String sizes = "";
  private String configuration = "";
  private String variantSizes = "";
  private String standIns = "";

  Report(List<Variant> variants, int runs, int records, String loadBefore) {
    this.variants = variants;
    this.runs = runs;
    this.records = records;
    this.loadBefore = loadBefore;
    for (Variant variant : variants) {
      Map<String, Stats> byMeasure = new LinkedHashMap<>();
      for (String measure :
          List.of(
              "register",
              "next",
              "cpuInit",
              "cpuRecords",
              "held",
              "rssInit",
              "fileInit",
              "rssAfter",
              "received")) {
        byMeasure.put(measure, new Stats());
      }
      stats.put(variant, byMeasure);
      unclean.put(variant, 0);
    }
  }

  void add(Variant variant, LayerProbe.Sample sample) {
    if (!sample.clean()) {
      unclean.merge(variant, 1, Integer::sum);
      return;
    }
    Map<String, Stats> s = stats.get(variant);
    s.get("register").add(sample.registerMs());
    s.get("next").add(sample.firstNextMs());
    s.get("cpuInit").add(sample.cpuInitMs());
    s.get("cpuRecords").add(sample.cpuRecordsMs());
    s.get("held").add(sample.heldMs());
    s.get("rssInit").add(sample.rssInitKb() / 1024.0);
    s.get("fileInit").add(sample.fileBackedInitKb() / 1024.0);
    s.get("rssAfter").add(sample.rssAfterKb() / 1024.0);
    s.get("received").add(sample.received());
  }

  void addFloor(Floor.Sample sample) {
    floorMain.add(sample.mainMs());
    floorRss.add(sample.rssKb() / 1024.0);
  }

  void sizes(long zipBytes, Path unpacked) throws IOException {
    Path home = unpacked.resolve("telemetry-router");
    sizes =
        String.format(
            Locale.ROOT,
            "| zipped | unzipped | runtime | jars | AOT cache |%n| --- | --- | --- | --- | --- |%n"
                + "| %s | %s | %s | %s | %s |%n",
            mib(zipBytes),
            mib(LayerFiles.size(unpacked)),
            mib(LayerFiles.size(home.resolve("runtime"))),
            mib(LayerFiles.size(home.resolve("lib"))),
            mib(LayerFiles.size(home.resolve("aot"))));
  }

  /**
   * Per variant with a runtime of its own (not the full JDK's): its runtime, its modules image, and
   * its folder unzipped and zipped by {@link LayerFiles#zippedSize}. The zip is the harness's, not
   * the build's; a shipped row, if measured, shows how close the two are.
   */
  void variantSizes(Map<Variant, Path> layers) throws IOException {
    StringBuilder out = new StringBuilder();
    out.append(
            "Per variant (zipped here at deflate level 6; folders without an AOT cache lack it):")
        .append(
            "\n\n| variant | runtime | of which modules image | layer unzipped | layer zipped |")
        .append("\n| --- | --- | --- | --- | --- |\n");
    for (Map.Entry<Variant, Path> entry : layers.entrySet()) {
      if (entry.getKey().image() == Variant.Image.FULL_JDK) {
        continue;
      }
      Path layer = entry.getValue();
      Path runtime = layer.resolve("telemetry-router/runtime");
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s |%n",
              entry.getKey().name(),
              mib(LayerFiles.size(runtime)),
              mib(LayerFiles.size(runtime.resolve("lib/modules"))),
              mib(LayerFiles.size(layer)),
              mib(LayerFiles.zippedSize(layer))));
    }
    variantSizes = out.toString();
  }

  /** What the extension was configured with, for the report's first line. */
  void configuration(String description) {
    this.configuration = description;
  }

  /** What the loopback stand-ins answered over the run, when it had them. */
  void standIns(String counts) {
    this.standIns = counts;
  }

  void loadAfter(String load) {
    this.loadAfter = load;
  }

  String render() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%d runs per variant, %d function lines per run, %s; load average before: %s,"
                + " after: %s%n%n",
            runs,
            records,
            configuration,
            loadBefore,
            loadAfter));
    if (!standIns.isEmpty()) {
      out.append("Loopback stand-ins answered over the run: ").append(standIns).append("\n\n");
    }
    out.append("p50 (p10-p90); times in ms, memory in MiB (VmHWM of the JVM process)\n\n");
    out.append("| variant | launch to register | launch to first /next | CPU time in Init |")
        .append(" CPU time for the records | invocation held after the function |")
        .append(" RSS after init | of which file-backed | RSS after records | records received |")
        .append(" unclean runs |\n")
        .append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (Variant variant : variants) {
      Map<String, Stats> s = stats.get(variant);
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d |%n",
              variant.name(),
              s.get("register").summary(),
              s.get("next").summary(),
              s.get("cpuInit").summary(),
              s.get("cpuRecords").summary(),
              s.get("held").summary(),
              s.get("rssInit").summary(),
              s.get("fileInit").summary(),
              s.get("rssAfter").summary(),
              s.get("received").summary(),
              unclean.get(variant)));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "| floor: hello world, same runtime and flags | %s (to main) | | | | | %s | | | |"
                + " |%n%n",
            floorMain.summary(),
            floorRss.summary()));
    out.append(ratios()).append('\n');
    for (Variant variant : variants) {
      out.append("- `").append(variant.name()).append("`: ").append(variant.description());
      out.append('\n');
    }
    out.append('\n').append(sizes);
    out.append('\n').append(variantSizes);
    return out.toString();
  }

  private String ratios() {
    StringBuilder out = new StringBuilder("Ratios of medians to the floor:");
    for (Variant variant : variants) {
      Map<String, Stats> s = stats.get(variant);
      out.append(
          String.format(
              Locale.ROOT,
              " %s register %.1fx, first /next %.1fx, RSS %.1fx;",
              variant.name(),
              s.get("register").median() / floorMain.median(),
              s.get("next").median() / floorMain.median(),
              s.get("rssInit").median() / floorRss.median()));
    }
    return out.append('\n').toString();
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }
}
