package dev.telemetryrouter.core.config;

import java.util.List;

/**
 * The configuration cannot be used. Carries every problem found, and a message that names the
 * source and lists them one per line, ready to post to Lambda's {@code /init/error} (error type
 * {@code Extension.ConfigInvalid}). Its first line ends by asking for a new deployment, since that
 * is how a function picks up a fixed file; a reader that checks the file elsewhere, such as the
 * routing tool, prints {@link #report(String)} with its own next step instead.
 */
public final class ConfigException extends Exception {

  /** The error type the lifecycle reports to Lambda's {@code /init/error}. */
  public static final String ERROR_TYPE = "Extension.ConfigInvalid";

  /** The next step {@link #getMessage()} names: the extension reads the file again at Init. */
  private static final String DEPLOY_AGAIN = "deploy again";

  private final String source;
  private final List<Problem> problems;

  public ConfigException(String source, List<Problem> problems) {
    super(report(source, problems, DEPLOY_AGAIN));
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

  /**
   * The same report as {@link #getMessage()}, with {@code nextStep} in place of "deploy again": the
   * first line reads "fix the lines below and {@code nextStep}:", such as "run validate again".
   */
  public String report(String nextStep) {
    return report(source, problems, nextStep);
  }

  private static String report(String source, List<Problem> problems, String nextStep) {
    StringBuilder text = new StringBuilder();
    text.append("routing configuration from ")
        .append(source)
        .append(" has ")
        .append(problems.size())
        .append(problems.size() == 1 ? " problem" : " problems")
        .append("; fix the lines below and ")
        .append(nextStep)
        .append(':');
    for (Problem problem : problems) {
      text.append('\n').append(problem);
    }
    return text.toString();
  }
}
