package dev.telemetryrouter.benchmarks.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One way of starting the extension, made from the unpacked layer by removing or swapping one
 * technique at a time, so that the table shows what each one buys.
 *
 * @param javaOpts extra JVM options given through TELEMETRY_ROUTER_JAVA_OPTS, or empty
 */
record Variant(
    String name,
    String description,
    boolean keepAot,
    boolean keepFlags,
    boolean fullJdk,
    String javaOpts) {

  static List<Variant> all() {
    return List.of(
        new Variant(
            "shipped",
            "trimmed runtime, flags, AOT cache (the layer as built)",
            true,
            true,
            false,
            ""),
        new Variant(
            "no-aot", "trimmed runtime, flags, default CDS archive", false, true, false, ""),
        new Variant(
            "no-cds",
            "trimmed runtime, flags, no CDS at all (-Xshare:off)",
            false,
            true,
            false,
            "-Xshare:off"),
        new Variant(
            "no-flags",
            "trimmed runtime, JVM defaults, default CDS archive",
            false,
            false,
            false,
            ""),
        new Variant("full-jdk", "full JDK 25, flags, default CDS archive", false, true, true, ""),
        new Variant(
            "plain",
            "full JDK 25, JVM defaults, default CDS archive (a plain java -cp)",
            false,
            false,
            true,
            ""));
  }

  /** The shipped layer with extra JVM options, from {@code name=options} (to try flags). */
  static Variant withOptions(String spec) {
    int equals = spec.indexOf('=');
    if (equals <= 0) {
      throw new IllegalArgumentException("expected name=jvm options, got " + spec);
    }
    String options = spec.substring(equals + 1).strip();
    return new Variant(
        spec.substring(0, equals).strip(),
        "the layer as built, plus " + options,
        true,
        true,
        false,
        options);
  }

  /** Makes this variant's layer folder from the unpacked layer. */
  Path prepare(Path unpacked, Path root, Path jdkHome) throws IOException {
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
    if (fullJdk) {
      LayerFiles.delete(home.resolve("runtime"));
      Files.createSymbolicLink(home.resolve("runtime"), jdkHome);
    }
    return layer;
  }
}
