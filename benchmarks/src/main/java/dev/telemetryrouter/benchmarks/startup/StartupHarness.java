package dev.telemetryrouter.benchmarks.startup;

import dev.telemetryrouter.locallambda.LayerArchive;
import dev.telemetryrouter.locallambda.standins.LoopbackSinks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Start-up and memory of the packaged layer. Runs the layer zip under the local Lambda emulator
 * {@code --runs} times per variant (variants interleaved, so that a change in the machine's load
 * hits them alike) and prints a Markdown report: p50 (p10-p90) of launch to register, launch to
 * first /next and peak RSS after Init and after {@code --records} records, the bare-JVM floor on
 * the same runtime and flags, the ratios, and the layer's size.
 *
 * <p>Usage: {@code StartupHarness [--zip layer/target/telemetry-router-layer-x86_64.zip] [--runs
 * 20] [--records 10000] [--variants shipped,no-aot,...] [--extra "name=-Xmx32m;name2=..."] [--out
 * FILE] [--root DIR] [--keep] [--config routing.yaml] [--standins]}: {@code --root} puts the
 * unpacked layer and the variant folders in DIR instead of a fresh temporary folder, {@code --keep}
 * leaves them there at the end, {@code --config} has the extension read a routing.yaml instead of
 * its built-in file sink, {@code --standins} starts loopback stand-ins of the AWS services and an
 * HTTP intake for the whole run and gives the extension their URLs ({@link StandIns}), for a
 * routing.yaml such as those in benchmarks/config. See docs/benchmarks.md.
 */
public final class StartupHarness {

  /** Options that take no value. */
  private static final Set<String> FLAGS = Set.of("keep", "standins");

  private StartupHarness() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    Path zip =
        Path.of(options.getOrDefault("zip", "layer/target/telemetry-router-layer-x86_64.zip"));
    int runs = Integer.parseInt(options.getOrDefault("runs", "20"));
    int records = Integer.parseInt(options.getOrDefault("records", "10000"));
    List<Variant> variants = new ArrayList<>(selected(options.getOrDefault("variants", "all")));
    for (String extra : options.getOrDefault("extra", "").split(";")) {
      if (!extra.isBlank()) {
        variants.add(Variant.withOptions(extra));
      }
    }
    // Checked before the layer is unpacked and the variants made, which takes a while.
    Path config = options.containsKey("config") ? Path.of(options.get("config")) : null;
    boolean standIns = options.containsKey("standins");
    List<String> problems =
        StandIns.problems(
            standIns,
            config == null ? null : config.toString(),
            config == null ? null : Files.readString(config));
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    Path classes = Path.of(Hello.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path jdk = Path.of(System.getProperty("java.home"));

    boolean keep = options.containsKey("keep");
    try (HarnessRoot harnessRoot =
        options.containsKey("root")
            ? HarnessRoot.at(Path.of(options.get("root")), keep)
            : HarnessRoot.temporary(keep)) {
      Path root = harnessRoot.path();
      Path unpacked = root.resolve("opt");
      LayerArchive.extract(zip, unpacked);
      Map<Variant, Path> layers = new LinkedHashMap<>();
      for (Variant variant : variants) {
        layers.put(variant, variant.prepare(unpacked, root.resolve("variants"), jdk));
      }
      String load = loadAverage();
      Report report = new Report(variants, runs, records, load);
      report.configuration(
          config == null
              ? "the built-in configuration (TELEMETRY_ROUTER_SINK=file), no routing.yaml"
              : "routing.yaml from "
                  + config
                  + (standIns ? ", its endpoints on the harness's loopback stand-ins" : ""));
      if (standIns) {
        try (LoopbackSinks sinks = LoopbackSinks.start()) {
          Map<String, String> env = StandIns.env(sinks.urls());
          measure(
              report, layers, root.resolve("work"), classes, unpacked, runs, records, config, env);
          report.standIns(StandIns.counts(sinks));
        }
      } else {
        measure(
            report,
            layers,
            root.resolve("work"),
            classes,
            unpacked,
            runs,
            records,
            config,
            Map.of());
      }
      // The load is read before the sizes: zipping the variant folders is work of the harness's
      // own.
      report.loadAfter(loadAverage());
      report.sizes(Files.size(zip), unpacked);
      report.variantSizes(layers);

      String text = report.render();
      System.out.println(text);
      if (options.containsKey("out")) {
        Files.writeString(Path.of(options.get("out")), text);
      }
    }
  }

  private static void measure(
      Report report,
      Map<Variant, Path> layers,
      Path work,
      Path classes,
      Path unpacked,
      int runs,
      int records,
      @Nullable Path config,
      Map<String, String> env)
      throws Exception {
    for (int run = 1; run <= runs; run++) {
      for (Map.Entry<Variant, Path> entry : layers.entrySet()) {
        Variant variant = entry.getKey();
        LayerProbe.Sample sample =
            LayerProbe.run(entry.getValue(), work, variant.javaOpts(), records, config, env);
        report.add(variant, sample);
      }
      report.addFloor(Floor.run(unpacked, classes));
      System.err.printf(Locale.ROOT, "run %d of %d done%n", run, runs);
    }
  }

  private static List<Variant> selected(String names) {
    if (names.equals("all")) {
      return Variant.all();
    }
    List<Variant> chosen = new ArrayList<>();
    for (String name : names.split(",")) {
      chosen.add(
          Variant.all().stream()
              .filter(v -> v.name().equals(name.strip()))
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException("no variant " + name)));
    }
    return chosen;
  }

  /** {@code --name value} pairs and the {@link #FLAGS} alone; a flag maps to "true". */
  static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      String name = args[i].substring(2);
      if (FLAGS.contains(name)) {
        options.put(name, "true");
      } else if (i + 1 < args.length) {
        options.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException("--" + name + " needs a value");
      }
    }
    return options;
  }

  private static String loadAverage() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).strip();
  }
}
