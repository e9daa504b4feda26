package org.justicemonitor.cli;

import java.time.LocalDate;
import java.util.Optional;
import org.justicemonitor.anomalies.AnomalyOptions;
import picocli.CommandLine.Option;

/** The options of the anomalies stage, shared by {@code anomalies} and {@code run}. */
public final class AnomalySettings {

  @Option(
      names = "--threshold",
      paramLabel = "SCORE",
      description = "Raise a flag at this score: how many times its usual spread a value departs from its baseline"
          + " (default: ${DEFAULT-VALUE}).")
  double threshold = AnomalyOptions.THRESHOLD;

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

  AnomalyOptions options(LocalDate asOf) {
    return new AnomalyOptions(asOf, threshold, trailingMonths, seed, Optional.ofNullable(reviews), reuseModels);
  }
}
