package org.justicemonitor.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.indicators.IndicatorOptions;
import org.justicemonitor.indicators.IndicatorsJob;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.io.RunManifest;
import org.justicemonitor.spark.Progress;

/** The indicators stage as the command line runs it. */
final class IndicatorsStage {

  static void run(OutputStore store, IndicatorOptions options, Progress progress, PrintStream out) {
    progress.stage("indicators");
    long started = System.nanoTime();
    List<String> tables = new IndicatorsJob(store, options, progress).run();
    ObjectNode settings = settings(options, tables);
    store.writeText(Catalog.INDICATORS_SUMMARY, settings.toPrettyString() + "\n");
    store.manifest().settings("indicators", settings);
    progress.done((System.nanoTime() - started) / 1e9);
    out.println("indicator tables: " + store.published("indicators") + " ("
        + tables.stream().filter(t -> !t.endsWith(".csv")).map(t -> t.substring(t.lastIndexOf('/') + 1)).toList()
        + ", each with a .csv copy)");
  }


  /** The settings the tables were computed with: the report and analysts read them back. */
  static ObjectNode settings(IndicatorOptions o, List<String> tables) {
    ObjectNode root = RunManifest.newObject();
    root.put("as_of", o.asOf().toString());
    root.put("min_cases", o.minCases());
    root.put("outage_failure_rate", o.outageFailureRate());
    root.put("notification_deadline_hours", o.notificationDeadlineHours());
    root.put("equivalence_days_margin", o.daysMargin());
    root.put("equivalence_appeal_margin", o.appealRateMargin());
    o.indexWeights().forEach(root.putArray("index_weights")::add);
    tables.forEach(root.putArray("tables")::add);
    return root;
  }

  private IndicatorsStage() {}
}
