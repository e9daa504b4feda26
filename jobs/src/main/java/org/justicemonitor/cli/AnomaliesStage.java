package org.justicemonitor.cli;

import java.io.PrintStream;
import java.util.Optional;
import org.justicemonitor.anomalies.AnomaliesJob;
import org.justicemonitor.anomalies.AnomalyOptions;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.spark.Progress;
import picocli.CommandLine.Option;

/** The anomalies stage: its options, shared by {@code anomalies} and {@code run}; the job. */
final class AnomaliesStage implements Stage {

  @Option(
      names = "--fdr",
      paramLabel = "LEVEL",
      description = "False-discovery rate the flags are held to, within each review queue (courts, regions, region x services,"
          + " judges: one entity type, all its signals)"
          + " (Benjamini-Hochberg; default: ${DEFAULT-VALUE}).")
  double fdr = AnomalyOptions.FDR;

  @Option(
      names = "--min-change",
      paramLabel = "SHARE",
      description = "Least relative change of a count from its expected value worth a flag: 0.5 flags a month"
          + " credibly half again above or half below it (default: ${DEFAULT-VALUE}).")
  double minChange = AnomalyOptions.MIN_CHANGE;

  @Option(names = "--trailing-months", paramLabel = "N", description = "Months in each baseline (default: ${DEFAULT-VALUE}).")
  int trailingMonths = AnomalyOptions.TRAILING_MONTHS;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the models (default: ${DEFAULT-VALUE}).")
  long seed = AnomalyOptions.SEED;

  @Option(
      names = "--reviews",
      paramLabel = "FILE",
      description = "CSV of earlier reviews: entity_type, entity_id, period, verdict (confirmed|dismissed), note[, score].")
  String reviews;

  @Option(
      names = "--reuse-models",
      description = "Score with the models saved under --output by an earlier run instead of training new ones.")
  boolean reuseModels;

  private AnomalyOptions options;

  /** What the manifest records of the stage's settings. */
  record Recorded(String asOf, double fdr, double minChange, int trailingMonths, long seed, String reviews, boolean reuseModels) {}

  @Override
  public void prepare(CommonOptions common) {
    options = new AnomalyOptions(common.asOf(), fdr, minChange, trailingMonths, seed, Optional.ofNullable(reviews), reuseModels);
  }

  @Override
  public void run(OutputStore store, Progress progress, PrintStream out) {
    progress.stage("anomalies");
    long started = System.nanoTime();
    new AnomaliesJob(store, options, progress, new Version().getVersion()[0]).run();
    store.manifest().settings("anomalies", new Recorded(options.asOf().toString(), options.fdr(), options.minChange(),
        options.trailingMonths(), options.seed(), options.reviews().orElse(null), options.reuseModels()));
    progress.done((System.nanoTime() - started) / 1e9);
    out.println("flags:        " + store.published(Catalog.FLAGS) + " (.csv copy beside it; candidates for review, not decisions)");
    out.println("model record: " + store.published(Catalog.MODEL_RECORD));
  }
}
