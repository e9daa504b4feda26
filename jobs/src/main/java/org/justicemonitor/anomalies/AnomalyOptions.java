package org.justicemonitor.anomalies;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of the anomalies stage.
 *
 * @param asOf the extract date: only months that ended by then are scored
 * @param fdr the false-discovery rate the flags are held to within each review queue (entity
 *     type), across its signals (Benjamini–Hochberg)
 * @param minChange the least relative change of a count from its expected value that is flagged
 *     (0.1: a tenth more, or a tenth fewer): the count must be beyond it with the FDR's
 *     confidence
 * @param trailingMonths months in each entity's baseline
 * @param seed the seed of every model that draws random numbers
 * @param reviews an optional CSV of earlier reviews of flags
 * @param reuseModels score with the models saved by an earlier run instead of training
 */
public record AnomalyOptions(
    LocalDate asOf, double fdr, double minChange, int trailingMonths, long seed, Optional<String> reviews, boolean reuseModels) {

  public static final double FDR = 0.05;
  public static final double MIN_CHANGE = 0.1;
  public static final int TRAILING_MONTHS = 12;
  public static final long SEED = 42;

  public AnomalyOptions {
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(reviews, "reviews");
    if (!(fdr > 0 && fdr < 1)) {
      throw new IllegalArgumentException("--fdr must be between 0 and 1, cannot be: " + fdr);
    }
    if (!(minChange >= 0 && minChange < 1)) {
      throw new IllegalArgumentException("--min-change must be at least 0 and below 1, cannot be: " + minChange);
    }
    if (trailingMonths < 3) {
      throw new IllegalArgumentException("--trailing-months must be at least 3, cannot be: " + trailingMonths);
    }
  }

  public static AnomalyOptions of(LocalDate asOf) {
    return new AnomalyOptions(asOf, FDR, MIN_CHANGE, TRAILING_MONTHS, SEED, Optional.empty(), false);
  }

  /** Fewest months of history before a month is scored: half the baseline. */
  public int minHistory() {
    return Math.max(3, trailingMonths / 2);
  }
}
