package org.justicemonitor.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.anomalies.AnomaliesJob;
import org.justicemonitor.anomalies.AnomalyOptions;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.io.RunManifest;
import org.justicemonitor.spark.Progress;

/** The anomalies stage as the command line runs it. */
final class AnomaliesStage {

  static void run(OutputStore store, AnomalyOptions options, Progress progress, PrintStream out) {
    progress.stage("anomalies");
    long started = System.nanoTime();
    new AnomaliesJob(store, options, progress, new Version().getVersion()[0]).run();
    ObjectNode settings = RunManifest.newObject();
    settings.put("as_of", options.asOf().toString());
    settings.put("threshold", options.threshold());
    settings.put("trailing_months", options.trailingMonths());
    settings.put("seed", options.seed());
    settings.put("reviews", options.reviews().orElse(null));
    settings.put("reuse_models", options.reuseModels());
    store.manifest().settings("anomalies", settings);
    progress.done((System.nanoTime() - started) / 1e9);
    out.println("flags:        " + store.published(Catalog.FLAGS) + " (.csv copy beside it; candidates for review, not decisions)");
    out.println("model record: " + store.published(Catalog.MODEL_RECORD));
  }

  private AnomaliesStage() {}
}
