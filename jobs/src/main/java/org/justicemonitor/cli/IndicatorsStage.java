package org.justicemonitor.cli;

import java.io.PrintStream;
import java.util.List;
import org.justicemonitor.indicators.IndicatorOptions;
import org.justicemonitor.indicators.IndicatorsJob;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.spark.Progress;

/** The indicators stage as the command line runs it. */
final class IndicatorsStage {

  static void run(OutputStore store, IndicatorOptions options, Progress progress, PrintStream out) {
    progress.stage("indicators");
    long started = System.nanoTime();
    List<String> tables = new IndicatorsJob(store, options, progress).run();
    progress.done((System.nanoTime() - started) / 1e9);
    out.println("indicator tables: " + store.published("indicators") + " ("
        + tables.stream().filter(t -> !t.endsWith(".csv")).map(t -> t.substring(t.lastIndexOf('/') + 1)).toList()
        + ", each with a .csv copy)");
  }

  private IndicatorsStage() {}
}
