package org.justicemonitor.anomalies;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of the anomalies stage.
 *
 * @param asOf the extract date: only months that ended by then are scored
 * @param threshold a candidate becomes a flag at this score (robust z: deviations in units of the
 *     entity's usual spread)
 * @param trailingMonths months in each entity's baseline
 * @param seed the seed of every model that draws random numbers
 * @param reviews an optional CSV of earlier reviews of flags
 * @param reuseModels score with the models saved by an earlier run instead of training
 */
public record AnomalyOptions(
    LocalDate asOf, double threshold, int trailingMonths, long seed, Optional<String> reviews, boolean reuseModels) {

  public static final double THRESHOLD = 5.0;
  public static final int TRAILING_MONTHS = 12;
  public static final long SEED = 42;

  public AnomalyOptions {
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(reviews, "reviews");
    if (!(threshold > 0)) {
      throw new IllegalArgumentException("--threshold must be above 0, cannot be: " + threshold);
    }
    if (trailingMonths < 3) {
      throw new IllegalArgumentException("--trailing-months must be at least 3, cannot be: " + trailingMonths);
    }
  }

  public static AnomalyOptions of(LocalDate asOf) {
    return new AnomalyOptions(asOf, THRESHOLD, TRAILING_MONTHS, SEED, Optional.empty(), false);
  }

  /** Fewest months of history before a month is scored: half the baseline. */
  public int minHistory() {
    return Math.max(3, trailingMonths / 2);
  }
}
