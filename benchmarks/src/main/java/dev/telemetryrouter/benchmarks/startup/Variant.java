package dev.telemetryrouter.benchmarks.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One way of starting the extension, made from the unpacked layer by removing or swapping one
 * technique at a time, so that the table shows what each one buys.
 *
 * @param image which Java runtime the variant's layer folder holds
 * @param javaOpts extra JVM options given through TELEMETRY_ROUTER_JAVA_OPTS, or empty
 * @param withoutFlags lines taken out of the layer's {@code jvm.options}, to measure what a flag of
 *     ours buys
 */
record Variant(
    String name,
    String description,
    boolean keepAot,
    boolean keepFlags,
    Image image,
    String javaOpts,
    List<String> withoutFlags) {

  /** The prefix of an {@code --extra} spec that takes a flag out instead of adding options. */
  static final String WITHOUT = "without ";

  Variant(
      String name,
      String description,
      boolean keepAot,
      boolean keepFlags,
      Image image,
      String javaOpts) {
    this(name, description, keepAot, keepFlags, image, javaOpts, List.of());
  }

  /** The runtime in {@code telemetry-router/runtime}. */
  enum Image {
    /** The layer's own jlink-trimmed runtime, as built. */
    TRIMMED,
    /** A symbolic link to the harness's JDK. */
    FULL_JDK,
    /** The same modules linked again with {@code --compress=zip-6} (see CompressedRuntime). */
    COMPRESSED
  }

  static List<Variant> all() {
    return List.of(
        new Variant(
            "shipped",
            "trimmed runtime, flags, AOT cache (the layer as built)",
            true,
            true,
            Image.TRIMMED,
            ""),
        new Variant(
            "no-aot",
            "trimmed runtime, flags, default CDS archive",
            false,
            true,
            Image.TRIMMED,
            ""),
        new Variant(
            "no-cds",
            "trimmed runtime, flags, no CDS at all (-Xshare:off)",
            false,
            true,
            Image.TRIMMED,
            "-Xshare:off"),
        new Variant(
            "no-flags",
            "trimmed runtime, JVM defaults, default CDS archive",
            false,
            false,
            Image.TRIMMED,
            ""),
        // An AOT cache belongs to the runtime image it was trained on, so this variant cannot keep
        // the shipped one: it is no-aot with a compressed modules image, and compares with no-aot.
        new Variant(
            "compressed",
            "the trimmed runtime linked again by the harness's JDK with the same modules and"
                + " options plus --compress=zip-6, flags, default CDS archive; no AOT cache (it is"
                + " tied to the runtime it was trained on), so compare it with no-aot",
            false,
            true,
            Image.COMPRESSED,
            ""),
        new Variant(
            "full-jdk", "full JDK 25, flags, default CDS archive", false, true, Image.FULL_JDK, ""),
        new Variant(
            "plain",
            "full JDK 25, JVM defaults, default CDS archive (a plain java -cp)",
            false,
            false,
            Image.FULL_JDK,
            ""));
  }

  /** The shipped layer with extra JVM options, from {@code name=options} (to try flags). */
  static Variant withOptions(String spec) {
    int equals = spec.indexOf('=');
    if (equals <= 0) {
      throw new IllegalArgumentException("expected name=jvm options, got " + spec);
    }
    String name = spec.substring(0, equals).strip();
    String options = spec.substring(equals + 1).strip();
    if (options.startsWith(WITHOUT)) {
      List<String> flags = List.of(options.substring(WITHOUT.length()).strip().split("\\s+"));
      return new Variant(
          name,
          "the layer as built, without " + String.join(" ", flags) + " in jvm.options",
          true,
          true,
          Image.TRIMMED,
          "",
          flags);
    }
    return new Variant(
        name, "the layer as built, plus " + options, true, true, Image.TRIMMED, options);
  }

  /** Makes this variant's layer folder from the unpacked layer. */
  Path prepare(Path unpacked, Path root, Path jdkHome) throws IOException, InterruptedException {
    Path layer = root.resolve(name);
    LayerFiles.delete(layer);
    LayerFiles.copy(unpacked, layer);
    Path home = layer.resolve("telemetry-router");
    if (!keepAot) {
      LayerFiles.delete(home.resolve("aot"));
    }
    if (!keepFlags) {
      Files.writeString(home.resolve("jvm.options"), "");
    }
    if (!withoutFlags.isEmpty()) {
      Path options = home.resolve("jvm.options");
      List<String> lines = Files.readAllLines(options);
      List<String> kept =
          lines.stream().filter(line -> !withoutFlags.contains(line.strip())).toList();
      if (kept.size() + withoutFlags.size() != lines.size()) {
        throw new IllegalArgumentException(
            "variant " + name + ": jvm.options does not hold every one of " + withoutFlags);
      }
      Files.write(options, kept);
    }

    Path runtime = home.resolve("runtime");
    switch (image) {
      case TRIMMED -> {}
      case FULL_JDK -> {
        LayerFiles.delete(runtime);
        Files.createSymbolicLink(runtime, jdkHome);
      }
      case COMPRESSED -> CompressedRuntime.replace(runtime, jdkHome);
    }
    return layer;
  }
}
