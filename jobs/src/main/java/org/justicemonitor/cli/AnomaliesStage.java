package org.justicemonitor.cli;

import java.io.PrintStream;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.anomalies.AnomaliesJob;
import org.justicemonitor.anomalies.AnomalyOptions;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.spark.Progress;

/** The anomalies stage as the command line runs it. */
final class AnomaliesStage {

  static void run(OutputStore store, AnomalyOptions options, Progress progress, PrintStream out) {
    progress.stage("anomalies");
    long started = System.nanoTime();
    new AnomaliesJob(store, options, progress, new Version().getVersion()[0]).run();
    store.manifest().settings("anomalies", new Recorded(options.asOf().toString(), options.threshold(),
        options.trailingMonths(), options.seed(), options.reviews().orElse(null), options.reuseModels()));
    progress.done((System.nanoTime() - started) / 1e9);
    out.println("flags:        " + store.published(Catalog.FLAGS) + " (.csv copy beside it; candidates for review, not decisions)");
    out.println("model record: " + store.published(Catalog.MODEL_RECORD));
  }

  /** What the manifest records of the stage's settings. */
  record Recorded(String asOf, double threshold, int trailingMonths, long seed, String reviews, boolean reuseModels) {}

  private AnomaliesStage() {}
}
