package org.justicemonitor.cli;

import java.io.PrintStream;
import java.util.List;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.indicators.IndicatorOptions;
import org.justicemonitor.indicators.IndicatorsJob;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.io.Json;
import org.justicemonitor.spark.Progress;

/** The indicators stage as the command line runs it. */
final class IndicatorsStage {

  static void run(OutputStore store, IndicatorOptions options, Progress progress, PrintStream out) {
    progress.stage("indicators");
    long started = System.nanoTime();
    List<String> tables = new IndicatorsJob(store, options, progress).run();
    Summary settings = Summary.of(options, tables);
    store.writeText(Catalog.INDICATORS_SUMMARY, Json.write(settings));
    store.manifest().settings("indicators", settings);
    progress.done((System.nanoTime() - started) / 1e9);
    out.println("indicator tables: " + store.published("indicators") + " ("
        + tables.stream().filter(t -> !t.endsWith(".csv")).map(t -> t.substring(t.lastIndexOf('/') + 1)).toList()
        + ", each with a .csv copy)");
  }


  /** {@code summary/indicators.json}: the settings the tables were computed with; the report and analysts read them back. */
  record Summary(String asOf, int minCases, double outageFailureRate, int notificationDeadlineHours,
      double equivalenceDaysMargin, double equivalenceAppealMargin, List<Double> indexWeights, List<String> tables) {

    static Summary of(IndicatorOptions o, List<String> tables) {
      return new Summary(o.asOf().toString(), o.minCases(), o.outageFailureRate(), o.notificationDeadlineHours(),
          o.daysMargin(), o.appealRateMargin(), o.indexWeights(), tables);
    }
  }

  private IndicatorsStage() {}
}
