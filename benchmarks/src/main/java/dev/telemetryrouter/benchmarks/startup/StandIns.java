package dev.telemetryrouter.benchmarks.startup;

import dev.telemetryrouter.locallambda.standins.LoopbackSinks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What {@code --standins} gives a harness run: the loopback stand-ins of local-lambda (Firehose,
 * Kinesis, S3, an HTTP intake), started once for the whole run, and one function variable per
 * service naming its URL ({@code STANDIN_FIREHOSE_URL}, {@code STANDIN_KINESIS_URL}, {@code
 * STANDIN_S3_URL}, {@code STANDIN_HTTP_URL}), so that a {@code --config} routing.yaml can point a
 * sink at one with {@code ${STANDIN_S3_URL}}. Lambda gives every function variable to extensions
 * too, and so does the emulator.
 */
final class StandIns {

  static final String PREFIX = "STANDIN_";

  /**
   * A reference without a default, as the configuration's interpolation reads it ({@code $${} is a
   * literal and not a reference; see docs/configuration.md, "Interpolation").
   */
  private static final Pattern REFERENCE = Pattern.compile("(?<!\\$)\\$\\{(" + PREFIX + "\\w+)}");

  private StandIns() {}

  /** The variable naming each service's URL, from {@link LoopbackSinks#urls()}. */
  static Map<String, String> env(Map<String, String> urls) {
    Map<String, String> env = new LinkedHashMap<>();
    urls.forEach((service, url) -> env.put(variable(service), url));
    return env;
  }

  static String variable(String service) {
    return PREFIX + service.toUpperCase(Locale.ROOT) + "_URL";
  }

  /**
   * Why {@code --standins} and a {@code --config} with this {@code yaml} cannot measure what they
   * mean to, or nothing: stand-ins with the built-in file sink (no sink would call them), a config
   * naming stand-ins without {@code --standins}, or naming one that does not exist (each would be
   * an Init failure in every run, counted as unclean).
   */
  static List<String> problems(
      boolean standIns, @Nullable String configName, @Nullable String yaml) {
    List<String> problems = new ArrayList<>();
    if (configName == null || yaml == null) {
      if (standIns) {
        problems.add(
            "--standins needs a --config routing.yaml whose sinks name ${"
                + variable("firehose")
                + "} and the like: the built-in file sink calls no service");
      }
      return problems;
    }

    List<String> known = LoopbackSinks.SERVICES.stream().map(StandIns::variable).toList();
    Matcher reference = REFERENCE.matcher(yaml);
    while (reference.find()) {
      String name = reference.group(1);
      String problem;
      if (!standIns) {
        problem = "--config " + configName + " uses ${" + name + "}: add --standins";
      } else if (!known.contains(name)) {
        problem =
            "--config "
                + configName
                + " uses ${"
                + name
                + "}, which no stand-in sets; they set "
                + String.join(", ", known);
      } else {
        continue;
      }
      if (!problems.contains(problem)) {
        problems.add(problem);
      }
    }
    return problems;
  }

  /** What the stand-ins answered over the whole run, for the report. */
  static String counts(LoopbackSinks sinks) {
    return String.format(
        Locale.ROOT,
        "firehose %d requests (%d records), kinesis %d requests (%d records), s3 %d requests,"
            + " http %d requests",
        sinks.requests("firehose"),
        sinks.firehoseRecords(),
        sinks.requests("kinesis"),
        sinks.kinesisRecords(),
        sinks.requests("s3"),
        sinks.requests("http"));
  }
}
