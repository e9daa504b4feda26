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
      throw new JobFailure(what() + " is not available in this version yet; `generate`, `ingest` and `indicators` are");
    }
  }

  @Command(name = "anomalies", mixinStandardHelpOptions = true, description = "Flags anomalies with explained models (not yet available).")
  static final class Anomalies extends Pending {
    @Override
    String what() {
      return "anomalies";
    }
  }

  @Command(name = "report", mixinStandardHelpOptions = true, description = "Writes the monitoring report (not yet available).")
  static final class Report extends Pending {
    @Override
    String what() {
      return "report";
    }
  }

  @Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Scores anomaly flags against generator labels (not yet available).")
  static final class Evaluate extends Pending {
    @Override
    String what() {
      return "evaluate";
    }
  }

  private PendingCommands() {}
}
