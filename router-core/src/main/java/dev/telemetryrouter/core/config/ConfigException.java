package dev.telemetryrouter.core.config;

import java.util.List;

/**
 * The configuration cannot be used. Carries every problem found, and a message that names the
 * source and lists them one per line, ready to post to Lambda's {@code /init/error} (error type
 * {@code Extension.ConfigInvalid}) or to print.
 */
public final class ConfigException extends Exception {

  /** The error type the lifecycle reports to Lambda's {@code /init/error}. */
  public static final String ERROR_TYPE = "Extension.ConfigInvalid";

  private final String source;
  private final List<Problem> problems;

  public ConfigException(String source, List<Problem> problems) {
    super(message(source, problems));
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  /** Where the configuration came from, as {@link LoadedConfig#source()} would say. */
  public String source() {
    return source;
  }

  /** Every problem, in the order found; never empty. */
  public List<Problem> problems() {
    return problems;
  }

  private static String message(String source, List<Problem> problems) {
    StringBuilder text = new StringBuilder();
    text.append("routing configuration from ")
        .append(source)
        .append(" has ")
        .append(problems.size())
        .append(problems.size() == 1 ? " problem" : " problems")
        .append("; fix the lines below and deploy again:");
    for (Problem problem : problems) {
      text.append('\n').append(problem);
    }
    return text.toString();
  }
}
