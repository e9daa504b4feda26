package org.justicemonitor.cli;

import java.io.PrintWriter;
import org.justicemonitor.JobFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

@Command(
    name = "justice-monitor",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Monitors how digital technology is changing justice: Spark batch jobs over court cases and e-service logs.",
    subcommands = {
      GenerateCommand.class,
      IngestCommand.class,
      IndicatorsCommand.class,
      AnomaliesCommand.class,
      ReportCommand.class,
      RunCommand.class,
      EvaluateCommand.class,
      ProfileCommand.class,
      DisclosureCommand.class,
      CommandLine.HelpCommand.class
    })
public final class JusticeMonitor implements Runnable {

  public static final int FAILED = 1;
  public static final int USAGE = 2;
  /** A dataset quarantined more rows than {@code --max-bad-fraction} allows: the delivery needs fixing. */
  public static final int TOO_MANY_BAD_ROWS = 3;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a command: generate, ingest, run, ... (see --help)");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code: 0 done, 1 failed, 2 wrong arguments, 3 too many bad rows. */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new JusticeMonitor());
    cl.setParameterExceptionHandler(oneLineUsageError());
    cl.setExecutionExceptionHandler(failure());
    // An option after a settings file (@FILE) overrides the file's: the last one given counts.
    cl.setOverwrittenOptionsAllowed(true);
    // Dates in one line a person reads: "'2025-13-01' is not a date (YYYY-MM-DD)", not a parser's exception.
    cl.registerConverter(java.time.LocalDate.class, text -> parsed(text, java.time.LocalDate::parse, "a date (YYYY-MM-DD)"));
    cl.registerConverter(java.time.YearMonth.class, text -> parsed(text, java.time.YearMonth::parse, "a month (YYYY-MM)"));
    cl.registerConverter(java.time.ZoneId.class,
        text -> parsed(text, java.time.ZoneId::of, "a time zone (a region such as Asia/Almaty, or UTC)"));
    cl.getSubcommands().get("indicators").getCommandSpec().usageMessage().footer(IndicatorsCommand.tableList());
    return cl;
  }

  private static <T> T parsed(String text, java.util.function.Function<String, T> parse, String what) {
    try {
      return parse.apply(text);
    } catch (java.time.DateTimeException e) {
      throw new CommandLine.TypeConversionException("'" + text + "' is not " + what);
    }
  }

  private static IParameterExceptionHandler oneLineUsageError() {
    return (ParameterException e, String[] args) -> {
      CommandLine cmd = e.getCommandLine();
      PrintWriter err = cmd.getErr();
      err.println(cmd.getCommandSpec().qualifiedName() + ": " + e.getMessage()
          + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
      err.flush();
      return USAGE;
    };
  }

  private static IExecutionExceptionHandler failure() {
    return (Exception e, CommandLine cmd, ParseResult parsed) -> {
      if (e instanceof ParameterException wrong) {
        // A setting checked before Spark starts (Arguments): a wrong argument, as at parsing.
        return oneLineUsageError().handleParseException(wrong, new String[0]);
      }
      PrintWriter err = cmd.getErr();
      if (System.console() != null) {
        err.print("\r" + " ".repeat(79) + "\r"); // clears Spark's progress bar, which a failed job leaves on the line
      }
      boolean verbose = parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"))
          || parsed.hasMatchedOption("--verbose");
      if (e instanceof JobFailure || e instanceof IllegalArgumentException) {
        err.println("justice-monitor: " + e.getMessage());
      } else {
        err.println("justice-monitor: failed: " + rootMessage(e)
            + (verbose ? "" : " (run again with --verbose for the full trace)"));
      }
      if (verbose) {
        e.printStackTrace(err);
      }
      err.flush();
      return e instanceof org.justicemonitor.ingest.TooManyBadRows ? TOO_MANY_BAD_ROWS : FAILED;
    };
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    return t == e ? e.getClass().getSimpleName() + ": " + first
        : first + " — caused by " + t.getClass().getSimpleName() + ": " + String.valueOf(t.getMessage()).lines().findFirst().orElse("");
  }
}
