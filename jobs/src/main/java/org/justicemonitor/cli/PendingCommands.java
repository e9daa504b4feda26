package org.justicemonitor.cli;

import java.util.concurrent.Callable;
import org.justicemonitor.JobFailure;
import picocli.CommandLine.Command;

/** Stages that later work fills in; until then they say so and exit non-zero. */
final class PendingCommands {

  abstract static class Pending implements Callable<Integer> {
    abstract String what();

    @Override
    public Integer call() {
      throw new JobFailure(what() + " is not available in this version yet; `generate`, `ingest`, `indicators`, `anomalies` and `evaluate` are");
    }
  }

  @Command(name = "report", mixinStandardHelpOptions = true, description = "Writes the monitoring report (not yet available).")
  static final class Report extends Pending {
    @Override
    String what() {
      return "report";
    }
  }

  private PendingCommands() {}
}
